package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Seed 000's volume: 100,000 records of 1,000 bytes over 10 partitions, copied byte for byte. */
@Timeout(300)
class ReplicationFidelityTest extends OneNodeTestBase {

  @Test
  void replicatesEveryRecordInOrderWithKeysHeadersAndTimestamps() {
    String source = source();
    String target = target();
    TopicData.createTopic(source, "fidelity", 10);
    TopicData.produce(source, "fidelity", 10, 0, 10_000, 1_000);

    api.create("fidelity", Replicator.whitelist(source, "fidelity", "${topic}.replica"));

    Map<Integer, TopicData.PartitionDigest> sourceDigest = TopicData.digest(source, "fidelity", Duration.ofSeconds(60));
    assertEquals(100_000, TopicData.total(sourceDigest), "the source holds the records the test produced");
    Await.until(Duration.ofSeconds(180),
        () -> TopicData.total(TopicData.digest(target, "fidelity.replica", Duration.ofSeconds(60))) >= 100_000,
        () -> "100,000 records in fidelity.replica, status " + api.get("/connectors/fidelity/status"));

    Map<Integer, TopicData.PartitionDigest> targetDigest = TopicData.digest(target, "fidelity.replica", Duration.ofSeconds(60));
    Reconciliation r = Reconciliation.of(sourceDigest, targetDigest);
    assertEquals(0, r.lost(), "no record lost: " + r.summary());
    assertEquals(0, r.duplicates(), "no duplicates on an undisturbed run: " + r.summary());
    assertTrue(r.problems().isEmpty(), "every partition in source order: " + r.summary());
    for (int p = 0; p < 10; p++) {
      assertEquals(sourceDigest.get(p).sha256(), targetDigest.get(p).sha256(),
          "partition " + p + " has byte-identical keys, values, headers and timestamps in the same order");
    }
    Await.until(Duration.ofSeconds(30), () -> api.get("/connectors/fidelity/status").json()
            .path("tasks").size() == 10,
        () -> "10 tasks in status: " + api.get("/connectors/fidelity/status"));
  }
}
