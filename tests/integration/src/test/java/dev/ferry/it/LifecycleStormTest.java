package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16's storm: random sequences of pause, resume, stop, restart (with and without tasks) and
 * config changes fired concurrently from four threads at a connector whose flows just started,
 * then one last request. Whatever the interleaving, the connector ends in the last request's
 * state with every flow in it, a final resume copies every record (none lost), and another
 * connector's status answers promptly throughout. Seeded: the seed of a failing round is printed.
 */
@Timeout(600)
class LifecycleStormTest extends OneNodeTestBase {

  private static final int PARTITIONS = 3;
  private static final int ROUNDS = 4;
  private static final int THREADS = 4;
  private static final int REQUESTS_PER_THREAD = 6;
  private static final List<String> ENDS = List.of("RUNNING", "PAUSED", "STOPPED", "RUNNING");

  @Test
  void anyInterleavingEndsInTheLastRequestsStateWithEveryFlow() throws Exception {
    String topic = "storm";
    TopicData.createTopic(source(), topic, PARTITIONS);
    TopicData.produce(source(), topic, PARTITIONS, 0, 1_000, 100);
    Map<String, String> config = Replicator.whitelist(source(), topic, "${topic}.copy");
    api.create(topic, config);
    String bystander = "storm-bystander";
    TopicData.createTopic(source(), bystander, 1);
    api.create(bystander, Replicator.whitelist(source(), bystander, "${topic}.copy"));
    awaitTasks(topic, PARTITIONS, "RUNNING");

    long seed = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        long roundSeed = seed + round;
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          Random random = new Random(roundSeed * 31 + t);
          threads.add(pool.submit(() -> {
            ConnectClient client = new ConnectClient(node.restUrl());
            for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
              randomRequest(client, random, topic, config, i);
            }
          }));
        }
        Future<Long> slowest = pool.submit(() -> slowestStatus(bystander, threads));
        for (Future<?> thread : threads) {
          thread.get(120, TimeUnit.SECONDS);
        }
        long slowestMs = slowest.get(60, TimeUnit.SECONDS);
        assertTrue(slowestMs < 8_000, "round " + round + " (seed " + roundSeed + "): another connector's status took "
            + slowestMs + " ms during the storm");

        String end = ENDS.get(round % ENDS.size());
        finalRequest(topic, end);
        int tasks = end.equals("STOPPED") ? 0 : PARTITIONS;
        awaitTasks(topic, tasks, end, "round " + round + " (seed " + roundSeed + ")");
      }
    } finally {
      pool.shutdownNow();
    }
    finalRequest(topic, "RUNNING");
    awaitTasks(topic, PARTITIONS, "RUNNING");
    TopicData.produce(source(), topic, PARTITIONS, 1_000, 1_000, 100);
    var sourceDigest = TopicData.digest(source(), topic, Duration.ofSeconds(30));
    Await.until(Duration.ofSeconds(120), () -> Reconciliation.of(sourceDigest,
            TopicData.digest(target(), topic + ".copy", Duration.ofSeconds(30))).lost() == 0,
        () -> "every record copied after the storm: " + Reconciliation.of(sourceDigest,
            TopicData.digest(target(), topic + ".copy", Duration.ofSeconds(30))).summary());
    Reconciliation r = Reconciliation.of(sourceDigest, TopicData.digest(target(), topic + ".copy", Duration.ofSeconds(30)));
    System.out.println("storm (seed " + seed + "): " + r.summary());
    assertEquals(0, r.lost(), "nothing lost across the storm: " + r.summary());
    assertTrue(r.problems().isEmpty(), "per-partition order kept: " + r.summary());
  }

  private static void randomRequest(ConnectClient client, Random random, String name, Map<String, String> config,
                                    int i) {
    switch (random.nextInt(6)) {
      case 0 -> client.put("/connectors/" + name + "/pause", null);
      case 1 -> client.put("/connectors/" + name + "/resume", null);
      case 2 -> client.put("/connectors/" + name + "/stop", null);
      case 3 -> client.post("/connectors/" + name + "/restart?includeTasks=true", "");
      case 4 -> client.post("/connectors/" + name + "/restart", "");
      default -> {
        Map<String, String> changed = new java.util.HashMap<>(config);
        changed.put("src.kafka.client.rack", "rack-" + random.nextInt(3) + "-" + i);
        client.put("/connectors/" + name + "/config", changed);
      }
    }
  }

  private static void finalRequest(String name, String state) {
    String verb = switch (state) {
      case "RUNNING" -> "resume";
      case "PAUSED" -> "pause";
      default -> "stop";
    };
    ConnectClient.Response r = api.put("/connectors/" + name + "/" + verb, null);
    assertEquals(verb.equals("stop") ? 204 : 202, r.status(), verb + " is accepted as in Connect: " + r);
  }

  /** The slowest status answer of {@code name} while the storm threads run. */
  private static long slowestStatus(String name, List<Future<?>> storm) {
    long slowest = 0;
    while (storm.stream().anyMatch(f -> !f.isDone())) {
      long start = System.nanoTime();
      ConnectClient.Response r = api.get("/connectors/" + name + "/status");
      slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      assertEquals(200, r.status(), "the bystander's status answers: " + r);
    }
    return slowest;
  }

  private static void awaitTasks(String name, int count, String state) {
    awaitTasks(name, count, state, "");
  }

  private static void awaitTasks(String name, int count, String state, String round) {
    Await.until(Duration.ofSeconds(90), () -> {
      JsonNode status = api.get("/connectors/" + name + "/status").json();
      if (status == null || !state.equals(status.path("connector").path("state").asText())
          || status.path("tasks").size() != count) {
        return false;
      }
      for (JsonNode task : status.path("tasks")) {
        if (!state.equals(task.path("state").asText())) {
          return false;
        }
      }
      return true;
    }, () -> round + " ends " + state + " with " + count + " task(s) " + state + ": "
        + api.get("/connectors/" + name + "/status").body());
  }
}
