package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.node.FerryNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Issue 16 item 5: a node restarted on a journal with several connectors recovers its remembered
 * shards and entities without errors in the log (0.1 logged "Failed to load initial entity ids"
 * for shards whose remembered entities took longer than 2 s to load, and retried them 10 s later),
 * and prints how long it took until {@code /health} and until every flow runs.
 */
@Timeout(300)
class NodeRestartTest {

  private static final int CONNECTORS = 4;
  private static final int PARTITIONS = 8;

  @Test
  void aRestartRecoversEveryFlowWithoutShardErrors() {
    TestClusters clusters = TestClusters.shared();
    String source = clusters.source().bootstrapServers();
    String target = clusters.target().bootstrapServers();
    Path dataDir = TestNodes.newDataDir();
    FerryNode first = TestNodes.start(dataDir, target);
    ConnectClient api = new ConnectClient(first.restUrl());
    for (int c = 0; c < CONNECTORS; c++) {
      String topic = "restart-time-" + c;
      TopicData.createTopic(source, topic, PARTITIONS);
      api.create(topic, Replicator.whitelist(source, topic, "${topic}.copy"));
    }
    awaitAllRunning(api);
    first.stop(Duration.ofSeconds(60));

    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    Logger pekko = (Logger) LoggerFactory.getLogger("org.apache.pekko");
    captured.start();
    pekko.addAppender(captured);
    long start = System.nanoTime();
    FerryNode second = TestNodes.start(dataDir, target);
    try {
      ConnectClient again = new ConnectClient(second.restUrl());
      Await.until(Duration.ofSeconds(60), () -> again.get("/health").status() == 200, () -> "healthy after the restart");
      long healthyMs = (System.nanoTime() - start) / 1_000_000;
      awaitAllRunning(again);
      long runningMs = (System.nanoTime() - start) / 1_000_000;
      System.out.println("restart: healthy_ms=" + healthyMs + " all_flows_running_ms=" + runningMs
          + " flows=" + CONNECTORS * PARTITIONS);
      List<String> errors = List.copyOf(captured.list).stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getFormattedMessage().contains("Failed to load"))
          .map(ILoggingEvent::getFormattedMessage).toList();
      assertEquals(List.of(), errors, "no shard or entity recovery errors on a normal restart");
    } finally {
      pekko.detachAppender(captured);
      second.stop(Duration.ofSeconds(60));
    }
  }

  private static void awaitAllRunning(ConnectClient api) {
    Await.until(Duration.ofSeconds(120), () -> {
      JsonNode all = api.get("/connectors?expand=status").json();
      if (all == null || all.size() != CONNECTORS) {
        return false;
      }
      for (JsonNode connector : all) {
        JsonNode tasks = connector.path("status").path("tasks");
        if (tasks.size() != PARTITIONS) {
          return false;
        }
        for (JsonNode task : tasks) {
          if (!"RUNNING".equals(task.path("state").asText())) {
            return false;
          }
        }
      }
      return true;
    }, () -> "every flow of every connector RUNNING: " + api.get("/connectors?expand=status").body());
  }
}
