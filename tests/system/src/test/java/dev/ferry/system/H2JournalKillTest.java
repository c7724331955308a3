package dev.ferry.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code kill -9} of a node process on the default, embedded H2 journal, at three points of a copy
 * under steady load (issue 16, item 2): a few checkpoints in, past several snapshots, and right
 * after a connector was reconfigured and another one created. The offset the API reported
 * persisted just before a kill (milliseconds before) is where each flow resumes after it, read
 * from the restarted node's "started at offset" lines; so a kill repeats at most one checkpoint
 * window per flow. The reconfigured and the created connector exist after the restart with their
 * configs, and at the end the target holds every source record, in order.
 */
@Timeout(900)
class H2JournalKillTest {

  private static final int PARTITIONS = 6;
  /** Records per second per partition: steady load, as in the kill-node scenario (ChaosScenarios). */
  private static final int RATE = Integer.getInteger("ferry.test.h2-kill.rate", 100);
  private static final int RECORD_BYTES = 200;
  /** ferry.flow.checkpoint-max-records (its default): the duplicate bound of a crash, per flow. */
  private static final int WINDOW = 1000;
  private static final String CONNECTOR = "h2kill";
  /** FlowRunner's line: {@code Flow h2kill:<topic>/<partition> started at {kafka_offset=<n>} on <worker>}. */
  private static final Pattern STARTED =
      Pattern.compile("Flow " + CONNECTOR + ":(\\S+)/(\\d+) started at \\{kafka_offset=(\\d+)}");

  private final TestClusters kafka = TestClusters.shared();
  private final String topic = "h2kill-" + Long.toHexString(System.nanoTime());
  private final List<String> report = new ArrayList<>();

  @Test
  void whatFlowsReportedPersistedSurvivesKillMinusNineAtEachOfThreeKillPoints() throws Exception {
    Path dataDir = TestNodes.newDataDir();
    Path log = Path.of("target", "h2-kill-logs", topic + ".log").toAbsolutePath();
    TopicData.createTopic(kafka.source().bootstrapServers(), topic, PARTITIONS);
    try (SequencedLoad load = SequencedLoad.start(kafka.source().bootstrapServers(), topic, PARTITIONS, RATE,
        RECORD_BYTES)) {
      Await.until(Duration.ofSeconds(60), () -> load.acknowledged() >= PARTITIONS * 5L * RATE,
          () -> "a backlog of 5 s of records per partition before the connector starts");
      ProcessCluster node = startNode(dataDir, log);
      api(node).create(CONNECTOR, Map.of(
          "connector.class", "FerryReplicatorSourceConnector",
          "src.kafka.bootstrap.servers", kafka.source().bootstrapServers(),
          "topic.whitelist", topic,
          "topic.rename.format", "${topic}.replica"));

      // 1. Early: caught up with the backlog, a few checkpoints in.
      awaitPersistedAtLeast(node, load.acknowledged() / PARTITIONS + 5L * RATE);
      node = killAndRestart("early", node, dataDir, log, offsets(node));

      // 2. Steady state, past a few snapshots (snapshot-every=5 events in this run).
      ProcessCluster steady = node;
      Map<Integer, Long> before = persisted(steady);
      Await.until(Duration.ofSeconds(120), () -> persisted(steady).entrySet().stream()
              .allMatch(e -> e.getValue() >= before.get(e.getKey()) + 15L * RATE),
          () -> "every flow persisted 15 s of records more: " + persisted(steady));
      node = killAndRestart("steady", node, dataDir, log, offsets(node));

      // 3. Right after a reconfiguration and a creation were answered (the flows drain for the new config).
      awaitPersistedAtLeast(node, persisted(node).values().stream().mapToLong(Long::longValue).max().orElse(0) + 5L * RATE);
      Map<Integer, Long> beforeChanges = offsets(node);
      Map<String, String> reconfigured = new HashMap<>();
      api(node).get("/connectors/" + CONNECTOR + "/config").json().fields()
          .forEachRemaining(e -> reconfigured.put(e.getKey(), e.getValue().asText()));
      reconfigured.put("src.kafka.max.poll.records", "777");
      ConnectClient.Response put = api(node).put("/connectors/" + CONNECTOR + "/config", reconfigured);
      assertEquals(200, put.status(), "reconfigured: " + put);
      Map<String, String> late = Map.of(
          "connector.class", "FerryReplicatorSourceConnector",
          "src.kafka.bootstrap.servers", kafka.source().bootstrapServers(),
          "topic.whitelist", topic,
          "topic.rename.format", "${topic}.late");
      api(node).create(CONNECTOR + "-late", late);
      node = killAndRestart("after-config-change", node, dataDir, log, beforeChanges);
      assertEquals("777", api(node).get("/connectors/" + CONNECTOR + "/config").json()
          .path("src.kafka.max.poll.records").asText(), "the reconfiguration answered before the kill survived it");
      ConnectClient.Response created = api(node).get("/connectors/" + CONNECTOR + "-late/config");
      assertEquals(200, created.status(), "the connector created before the kill exists after it: " + created);
      assertEquals("${topic}.late", created.json().path("topic.rename.format").asText(),
          "with its config: " + created);

      long produced = load.stop();
      ProcessCluster last = node;
      Await.until(Duration.ofMinutes(3), () -> persisted(last).values().stream().mapToLong(Long::longValue).sum()
          >= produced, () -> "every flow persisted the source's end: " + persisted(last) + " of " + produced);
      Reconciliation r = Reconciliation.of(TopicData.digest(kafka.source().bootstrapServers(), topic, Duration.ofMinutes(2)),
          TopicData.digest(kafka.target().bootstrapServers(), topic + ".replica", Duration.ofMinutes(2)));
      report.add("end: " + r.summary());
      System.out.println("h2 kill -9: " + String.join(" | ", report));
      assertEquals(0, r.lost(), "nothing lost: " + report);
      assertTrue(r.problems().isEmpty(), "order kept: " + report);
      node.close();
    }
  }

  /**
   * Kills the node at once (the caller has just read {@code reported}, what the API called persisted),
   * checks where each flow resumed against it, and returns the restarted node.
   */
  private ProcessCluster killAndRestart(String point, ProcessCluster node, Path dataDir, Path log,
                                        Map<Integer, Long> reported) throws IOException {
    node.nodes().get(0).kill();
    Map<Integer, Long> copiedUpTo = lastSequenceOnTarget();
    long logMark = Files.size(log);
    ProcessCluster restarted = startNode(dataDir, log);
    Map<Integer, Long> resumed = resumedAt(log, logMark);
    long repeatedTotal = 0;
    long maxRepeated = 0;
    for (int p = 0; p < PARTITIONS; p++) {
      // The target already holds source offsets up to copiedUpTo: the flow writes those from resumed again.
      long repeated = Math.max(0, copiedUpTo.get(p) + 1 - resumed.get(p));
      repeatedTotal += repeated;
      maxRepeated = Math.max(maxRepeated, repeated);
    }
    String line = point + ": reported=" + reported + " resumed=" + resumed + " on_target_up_to=" + copiedUpTo
        + " repeated=" + repeatedTotal + " max_per_flow=" + maxRepeated;
    report.add(line);
    System.out.println("h2 kill -9 " + line);
    for (int p = 0; p < PARTITIONS; p++) {
      assertTrue(resumed.get(p) >= reported.get(p), point + ": partition " + p + " resumed at " + resumed.get(p)
          + " though the API had reported " + reported.get(p) + " persisted before the kill; " + line);
    }
    assertTrue(maxRepeated <= WINDOW, point + ": a flow repeats more than one checkpoint window; " + line);
    return restarted;
  }

  private ProcessCluster startNode(Path dataDir, Path log) {
    // Snapshots every 5 events, so the later kill points recover flows from snapshots plus events.
    return ProcessCluster.startOnH2(kafka.target().bootstrapServers(), dataDir, log,
        Map.of("ferry.persistence.snapshot-every", "5", "ferry.discovery.interval", "2s"),
        Map.of());
  }

  private static ConnectClient api(ProcessCluster node) {
    return new ConnectClient(node.nodes().get(0).restUrl());
  }

  private void awaitPersistedAtLeast(ProcessCluster node, long each) {
    Await.until(Duration.ofSeconds(120), () -> {
      Map<Integer, Long> persisted = persisted(node);
      return persisted.size() == PARTITIONS && persisted.values().stream().allMatch(o -> o >= each);
    }, () -> "every flow persisted " + each + " records: " + persisted(node));
  }

  /**
   * Partition → the offset GET /connectors/{name}/offsets reports persisted (it only asks the flows,
   * so a kill can follow within milliseconds; 0 before a flow's first checkpoint).
   */
  private Map<Integer, Long> offsets(ProcessCluster node) {
    ConnectClient.Response offsets = api(node).get("/connectors/" + CONNECTOR + "/offsets");
    if (offsets.status() != 200) {
      throw new IllegalStateException("GET /connectors/" + CONNECTOR + "/offsets answered " + offsets);
    }
    Map<Integer, Long> out = new HashMap<>();
    for (JsonNode entry : offsets.json().path("offsets")) {
      out.put(entry.path("partition").path("partition").asInt(), Math.max(0, entry.path("offset").path("offset").asLong()));
    }
    for (int p = 0; p < PARTITIONS; p++) {
      out.putIfAbsent(p, 0L);
    }
    return out;
  }

  /** Partition → the offset GET /flows reports persisted for the connector's flow. */
  private Map<Integer, Long> persisted(ProcessCluster node) {
    ConnectClient.Response flows = api(node).get("/flows?connector=" + CONNECTOR);
    if (flows.status() != 200) {
      throw new IllegalStateException("GET /flows answered " + flows);
    }
    Map<Integer, Long> out = new HashMap<>();
    for (JsonNode flow : flows.json()) {
      out.put(flow.path("partition").asInt(), Math.max(0, flow.path("offset").asLong()));
    }
    return out;
  }

  /** Partition → where the restarted node's flows started, from its log after {@code mark}. */
  private Map<Integer, Long> resumedAt(Path log, long mark) {
    Map<Integer, Long> out = new HashMap<>();
    Await.until(Duration.ofSeconds(90), () -> {
      String text = tail(log, mark);
      Matcher m = STARTED.matcher(text);
      while (m.find()) {
        if (m.group(1).equals(topic)) {
          out.putIfAbsent(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
        }
      }
      return out.size() == PARTITIONS;
    }, () -> "every flow of " + CONNECTOR + " started on the restarted node; so far " + out);
    return out;
  }

  private static String tail(Path log, long from) {
    try {
      byte[] all = Files.readAllBytes(log);
      return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Partition → the source offset (header {@code seq}) of the last record on the target; -1 when empty. */
  private Map<Integer, Long> lastSequenceOnTarget() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.target().bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<Integer, Long> out = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      for (int p = 0; p < PARTITIONS; p++) {
        TopicPartition tp = new TopicPartition(topic + ".replica", p);
        long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
        if (end == 0) {
          out.put(p, -1L);
          continue;
        }
        consumer.assign(List.of(tp));
        consumer.seek(tp, end - 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!out.containsKey(p) && System.nanoTime() < deadline) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            out.put(p, Long.parseLong(new String(record.headers().lastHeader("seq").value(), StandardCharsets.US_ASCII)));
          }
        }
        if (!out.containsKey(p)) {
          throw new AssertionError("could not read the last record of " + tp + " within 30 s");
        }
      }
    }
    return out;
  }
}
