package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.node.FerryNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node stopped mid-stream and a new node started on the same H2 journal: the job completes
 * with zero records lost, resuming every flow from its persisted offset without anyone
 * re-creating the connector.
 */
@Timeout(300)
class RestartTest {

  private static final int PARTITIONS = 4;
  private static final int CHECKPOINT_RECORDS = 500;

  @Test
  void newNodeOnTheSameJournalFinishesTheJobWithNothingLost() throws Exception {
    TestClusters clusters = TestClusters.shared();
    String source = clusters.source().bootstrapServers();
    String target = clusters.target().bootstrapServers();
    TopicData.createTopic(source, "restart", PARTITIONS);
    Path dataDir = TestNodes.newDataDir();
    Map<String, Object> settings = Map.of("ferry.flow.checkpoint-max-records", CHECKPOINT_RECORDS);

    FerryNode first = TestNodes.start(dataDir, target, settings);
    new ConnectClient(first.restUrl()).create("restart", Replicator.whitelist(source, "restart", "${topic}.copy"));
    // Traffic keeps flowing while the first node runs and is stopped.
    CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
      for (int batch = 0; batch < 40; batch++) {
        TopicData.produce(source, "restart", PARTITIONS, batch * 1_000L, 1_000, 200);
      }
    });
    Await.until(Duration.ofSeconds(120),
        () -> TopicData.total(TopicData.digest(target, "restart.copy", Duration.ofSeconds(30))) >= 20_000,
        () -> "the first node replicated 20,000 records before it is stopped");
    first.stop(Duration.ofSeconds(60));
    long copiedByFirst = TopicData.total(TopicData.digest(target, "restart.copy", Duration.ofSeconds(30)));

    FerryNode second = TestNodes.start(dataDir, target, settings);
    try {
      traffic.get();
      Map<Integer, TopicData.PartitionDigest> sourceDigest = TopicData.digest(source, "restart", Duration.ofSeconds(60));
      long expected = TopicData.total(sourceDigest);
      assertEquals(160_000, expected, "the source holds all produced records");
      Await.until(Duration.ofSeconds(180),
          () -> Reconciliation.of(sourceDigest, TopicData.digest(target, "restart.copy", Duration.ofSeconds(60))).lost() == 0,
          () -> "every record replicated after the restart: " + Reconciliation.of(sourceDigest,
              TopicData.digest(target, "restart.copy", Duration.ofSeconds(60))).summary());
      Reconciliation r = Reconciliation.of(sourceDigest, TopicData.digest(target, "restart.copy", Duration.ofSeconds(60)));
      System.out.println("restart: first node copied " + copiedByFirst + " records; " + r.summary());
      assertEquals(0, r.lost(), "zero records lost across the restart: " + r.summary());
      assertTrue(r.duplicates() <= (long) PARTITIONS * CHECKPOINT_RECORDS,
          "duplicates stay within one checkpoint window per flow: " + r.summary());
      assertTrue(r.problems().isEmpty(), "per-partition order kept: " + r.summary());
    } finally {
      second.stop(Duration.ofSeconds(60));
    }
  }
}
