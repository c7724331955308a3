package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Topics created and partitions added after the connector started are picked up by themselves. */
@Timeout(180)
class TopicDiscoveryTest extends OneNodeTestBase {

  @Test
  void replicatesTopicsAndPartitionsThatAppearLater() {
    String source = source();
    String target = target();
    TopicData.createTopic(source, "disc.first", 2);
    TopicData.produce(source, "disc.first", 2, 0, 500, 100);
    api.create("discovery", Replicator.regex(source, "disc\\..*", "${topic}.replica"));
    awaitReplicated(source, target, "disc.first");
    Map<Integer, Long> firstRunIds = taskIds();

    TopicData.createTopic(source, "disc.later", 3);
    TopicData.produce(source, "disc.later", 3, 0, 500, 100);
    awaitReplicated(source, target, "disc.later");

    TopicData.growTopic(source, "disc.first", 4);
    TopicData.produce(source, "disc.first", 4, 500, 500, 100);
    awaitReplicated(source, target, "disc.first");

    Map<Integer, Long> finalIds = taskIds();
    assertEquals(2 + 3 + 2, finalIds.size(), "one task per partition after discovery: " + finalIds);
    firstRunIds.forEach((task, hash) -> assertEquals(hash, finalIds.get(task),
        "task " + task + " kept its partition while new flows were added"));
  }

  private static void awaitReplicated(String source, String target, String topic) {
    Await.until(Duration.ofSeconds(90), () -> {
      Reconciliation r = Reconciliation.of(TopicData.digest(source, topic, Duration.ofSeconds(30)),
          TopicData.digest(target, topic + ".replica", Duration.ofSeconds(30)));
      return r.lost() == 0 && r.targetRecords() == r.sourceRecords();
    }, () -> topic + " fully replicated; status " + api.get("/connectors/discovery/status"));
  }

  /** Task id -> a fingerprint of the partition it runs (from its task config). */
  private static Map<Integer, Long> taskIds() {
    Map<Integer, Long> ids = new HashMap<>();
    for (JsonNode task : api.get("/connectors/discovery/tasks").json()) {
      ids.put(task.path("id").path("task").asInt(), (long) task.path("config").path("partition.assignment").asText().hashCode());
    }
    return ids;
  }
}
