package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.connectors.kafka.ClusterClientKey;
import dev.ferry.connectors.kafka.KafkaClients;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Target topics that Ferry writes the moment they exist (issue 16, item 0). A Kafka broker before
 * 4.5 accepts any first sequence number from an idempotent producer it has no state for on a
 * partition (KAFKA-15591): when the first of several pipelined produce requests to a partition
 * created a moment ago fails with NOT_LEADER_OR_FOLLOWER (the leader has not created the log yet)
 * and the second one arrives after the log exists, the second is appended first and the first can
 * never be appended (OUT_OF_ORDER_SEQUENCE_NUMBER until {@code delivery.timeout.ms}), so the target
 * gets records out of order and, after the flow's restart, twice.
 *
 * <p>The suite runs {@value #DEFAULT_ROUNDS} rounds of {@value #CONNECTORS_PER_ROUND} connectors;
 * {@code -Dferry.test.new-topic-rounds=50} runs the long version.
 */
@Timeout(1800)
@OneNodeTestBase.NodeSettings({"ferry.flow.stall-timeout=3s"})
class NewTargetTopicsTest extends OneNodeTestBase {

  private static final int DEFAULT_ROUNDS = 4;
  private static final int ROUNDS = Integer.getInteger("ferry.test.new-topic-rounds", DEFAULT_ROUNDS);
  private static final int CONNECTORS_PER_ROUND = 3;
  private static final int PARTITIONS = 10;
  private static final int RECORDS = 1000;
  private static final int RECORD_BYTES = 1000;
  /** Far below delivery.timeout.ms (120 s): a stalled first batch fails the round instead of waiting it out. */
  private static final Duration COPY_DEADLINE = Duration.ofSeconds(90);

  @Test
  void connectorsCreatingTheirTargetTopicsUnderLoadCopyEveryPartitionOnceInOrder() {
    List<String> report = new ArrayList<>();
    try (TargetLoad load = TargetLoad.start(target(), "newtopic-ballast")) {
      copyRounds(report);
      report.add("background load: " + load.stop() + " records");
    }
    System.out.println("new target topics: " + ROUNDS + " rounds x " + CONNECTORS_PER_ROUND + " connectors x "
        + PARTITIONS + " partitions copied exactly; " + report.get(report.size() - 1));
  }

  private void copyRounds(List<String> report) {
    for (int round = 0; round < ROUNDS; round++) {
      List<String> names = new ArrayList<>();
      for (int c = 0; c < CONNECTORS_PER_ROUND; c++) {
        String name = "newtopic-" + round + "-" + c;
        TopicData.createTopic(source(), name, PARTITIONS);
        TopicData.produce(source(), name, PARTITIONS, 0, RECORDS, RECORD_BYTES);
        names.add(name);
      }
      // All at once: the target broker creates logs while it takes the other connectors' writes.
      names.parallelStream().forEach(name -> api.create(name, Replicator.whitelist(source(), name, "${topic}.replica")));
      for (String name : names) {
        awaitPersisted(name, (long) PARTITIONS * RECORDS);
        Reconciliation r = Reconciliation.of(TopicData.digest(source(), name, Duration.ofSeconds(60)),
            TopicData.digest(target(), name + ".replica", Duration.ofSeconds(60)));
        report.add(name + ": " + r.summary());
        assertEquals((long) PARTITIONS * RECORDS, r.targetRecords(), "every record copied exactly once: " + report);
        assertEquals(0, r.lost(), "nothing lost: " + report);
        assertEquals(0, r.duplicates(), "no duplicates on a clean run: " + report);
        assertTrue(r.problems().isEmpty(), "every partition in the source's order: " + report);
        assertEquals(204, api.delete("/connectors/" + name).status(), "connector " + name + " deleted");
      }
    }
  }

  @Test
  void theSharedProducerKeepsOrderOnPartitionsWrittenTheMomentTheyAreCreated() throws Exception {
    Producer<byte[], byte[]> producer = KafkaClients.get(node.system()).sharedProducer(ClusterClientKey.of(target()));
    int batches = 4;
    int perBatch = 250;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", target()))) {
      for (int round = 0; round < 3 * ROUNDS; round++) {
        String topic = "fresh-" + round;
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        // No wait for leaders: the first writes race the broker creating the partitions' logs.
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int batch = 0; batch < batches; batch++) {
          for (int p = 0; p < PARTITIONS; p++) {
            for (int i = 0; i < perBatch; i++) {
              CompletableFuture<Void> ack = new CompletableFuture<>();
              producer.send(TopicData.record(topic, p, (long) batch * perBatch + i, RECORD_BYTES), (meta, error) -> {
                if (error == null) {
                  ack.complete(null);
                } else {
                  ack.completeExceptionally(error);
                }
              });
              acks.add(ack);
            }
          }
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        Map<Integer, TopicData.PartitionDigest> written = TopicData.digest(target(), topic, Duration.ofSeconds(60));
        for (int p = 0; p < PARTITIONS; p++) {
          long[] sequence = written.get(p).sequence();
          assertEquals(batches * perBatch, sequence.length, topic + "-" + p + " holds every record once");
          for (int n = 0; n < sequence.length; n++) {
            assertEquals(n, sequence[n], topic + "-" + p + " at offset " + n + " holds record " + n);
          }
        }
      }
    }
  }

  @Test
  void aFlowWhoseBatchesStayUnacknowledgedShowsTheStallInItsStatusAndRecovers() {
    String name = "stalled";
    TopicData.createTopic(source(), name, 1);
    TopicData.produce(source(), name, 1, 0, 500, 100);
    api.create(name, Replicator.whitelist(source(), name, "${topic}.replica"));
    awaitPersisted(name, 500);
    // The target stops answering while the flow has records to send: they wait, unacknowledged.
    clusters.target().stop();
    try {
      TopicData.produce(source(), name, 1, 500, 500, 100);
      AtomicReference<JsonNode> task = new AtomicReference<>();
      Await.until(Duration.ofSeconds(60), () -> {
        task.set(api.get("/connectors/" + name + "/status").json().path("tasks").path(0));
        return "FAILED".equals(task.get().path("state").asText());
      }, () -> "the stalled flow shows FAILED: " + task.get());
      String trace = task.get().path("trace").asText();
      assertTrue(trace.contains("not acknowledged") && trace.contains(name + ".replica-0"),
          "the trace says what stalls and where: " + trace);
    } finally {
      clusters.target().restart(Duration.ofSeconds(120));
    }
    awaitPersisted(name, 1000);
    AtomicReference<JsonNode> again = new AtomicReference<>();
    Await.until(Duration.ofSeconds(30), () -> {
      again.set(api.get("/connectors/" + name + "/status").json().path("tasks").path(0));
      return "RUNNING".equals(again.get().path("state").asText());
    }, () -> "RUNNING again once the target acknowledges: " + again.get());
    Reconciliation r = Reconciliation.of(TopicData.digest(source(), name, Duration.ofSeconds(60)),
        TopicData.digest(target(), name + ".replica", Duration.ofSeconds(60)));
    assertEquals(0, r.lost(), "nothing lost across the stall: " + r.summary());
    assertTrue(r.problems().isEmpty(), "order kept across the stall: " + r.summary());
  }

  private static void awaitPersisted(String connector, long records) {
    AtomicReference<String> last = new AtomicReference<>();
    Await.until(COPY_DEADLINE, () -> {
      JsonNode flows = api.get("/flows?connector=" + connector).json();
      last.set(String.valueOf(flows));
      long persisted = 0;
      for (JsonNode flow : flows) {
        persisted += Math.max(0, flow.path("offset").asLong());
      }
      return persisted == records;
    }, () -> connector + " persisted " + records + " records within " + COPY_DEADLINE + ": " + last.get());
  }
}
