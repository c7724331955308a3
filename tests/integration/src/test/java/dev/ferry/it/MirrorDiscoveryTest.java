package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * MM2's periodic jobs with the node's own discovery at 10 minutes: new topics and partitions are
 * picked up every {@code refresh.topics.interval.seconds} without stopping or moving running flows,
 * and topic configs follow the source every {@code sync.topic.configs.interval.seconds}.
 */
@Timeout(240)
class MirrorDiscoveryTest extends MirrorTestBase {

  @Test
  void newTopicsAndPartitionsArePickedUpWithoutDisturbingRunningFlows() {
    TopicData.createTopic(source(), "md.first", 2);
    TopicData.produce(source(), "md.first", 2, 0, 300, 100);
    api.create("md", Mm2.source("mds", source(), "mdt", target(), "md\\..*"));
    awaitReplicated("md.first");
    Map<Integer, String> before = tasks();

    TopicData.createTopic(source(), "md.later", 3);
    TopicData.produce(source(), "md.later", 3, 0, 300, 100);
    awaitReplicated("md.later");
    TopicData.growTopic(source(), "md.first", 4);
    TopicData.produce(source(), "md.first", 4, 300, 300, 100);
    awaitReplicated("md.first");

    Map<Integer, String> after = tasks();
    assertEquals(2 + 3 + 2, after.size(), "one task per partition: " + after);
    before.forEach((task, partition) -> assertEquals(partition, after.get(task),
        "task " + task + " kept its partition while new flows were added"));
  }

  @Test
  void topicConfigsFollowTheSourceExceptMm2sExclusions() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", source()))) {
      admin.createTopics(List.of(new NewTopic("mc.orders", 1, (short) 1).configs(Map.of(
          "retention.ms", "3600000", "min.insync.replicas", "1", "cleanup.policy", "compact"))))
          .all().get(30, TimeUnit.SECONDS);
    }
    api.create("mc", Mm2.source("mcs", source(), "mct", target(), "mc\\..*"));
    Await.until(Duration.ofSeconds(60), () -> "3600000".equals(targetConfig("mcs.mc.orders", "retention.ms"))
            && "compact".equals(targetConfig("mcs.mc.orders", "cleanup.policy")),
        () -> "retention.ms and cleanup.policy copied; " + status("mc"));
    assertFalse(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG == targetEntry("mcs.mc.orders", "min.insync.replicas").source(),
        "min.insync.replicas is on MM2's exclusion list");

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", source()))) {
      Map<ConfigResource, Collection<AlterConfigOp>> change = new HashMap<>();
      change.put(new ConfigResource(ConfigResource.Type.TOPIC, "mc.orders"),
          List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "7200000"), AlterConfigOp.OpType.SET)));
      admin.incrementalAlterConfigs(change).all().get(30, TimeUnit.SECONDS);
    }
    Await.until(Duration.ofSeconds(30), () -> "7200000".equals(targetConfig("mcs.mc.orders", "retention.ms")),
        () -> "a changed source config reaches the target within sync.topic.configs.interval.seconds");
  }

  private static String targetConfig(String topic, String key) {
    return targetEntry(topic, key).value();
  }

  private static ConfigEntry targetEntry(String topic, String key) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", target()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource).get(key);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitReplicated(String topic) {
    Await.until(Duration.ofSeconds(90), () -> {
      Reconciliation r = Reconciliation.of(TopicData.digest(source(), topic, Duration.ofSeconds(30)),
          TopicData.digest(target(), "mds." + topic, Duration.ofSeconds(30)));
      return r.lost() == 0 && r.targetRecords() == r.sourceRecords();
    }, () -> topic + " fully replicated; status " + status("md"));
  }

  /** Task id -> the partition it runs. */
  private static Map<Integer, String> tasks() {
    Map<Integer, String> ids = new HashMap<>();
    for (JsonNode task : api.get("/connectors/md/tasks").json()) {
      ids.put(task.path("id").path("task").asInt(), task.path("config").path("task.assigned.partitions").asText());
    }
    return ids;
  }
}
