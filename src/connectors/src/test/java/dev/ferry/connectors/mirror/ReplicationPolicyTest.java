package dev.ferry.connectors.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ferry's policies name topics exactly as MM2's own classes (from connect-mirror-client) do. */
class ReplicationPolicyTest {

  private static final List<String> TOPICS = List.of("orders", "east.orders", "west.east.orders", "heartbeats",
      "east.heartbeats", "a_b.c", "east_orders", "x.y.z");

  @Test
  void defaultPolicyMatchesMm2WithDefaultAndCustomSeparator() {
    for (String separator : new String[] {".", "_"}) {
      var mm2 = new org.apache.kafka.connect.mirror.DefaultReplicationPolicy();
      mm2.configure(Map.of("replication.policy.separator", separator));
      ReplicationPolicy ferry = ReplicationPolicy.named("org.apache.kafka.connect.mirror.DefaultReplicationPolicy",
          separator, true);
      assertEquals(mm2.offsetSyncsTopic("east"), ferry.offsetSyncsTopic("east"), "offset syncs topic, sep " + separator);
      assertEquals(mm2.checkpointsTopic("east"), ferry.checkpointsTopic("east"), "checkpoints topic, sep " + separator);
      for (String topic : TOPICS) {
        assertEquals(mm2.formatRemoteTopic("west", topic), ferry.formatRemoteTopic("west", topic), "remote name of " + topic);
        assertEquals(mm2.topicSource(topic), ferry.topicSource(topic), "source of " + topic + ", sep " + separator);
        assertEquals(mm2.upstreamTopic(topic), ferry.upstreamTopic(topic), "upstream of " + topic + ", sep " + separator);
        assertEquals(mm2.isHeartbeatsTopic(topic), ferry.isHeartbeatsTopic(topic), "heartbeats? " + topic);
      }
    }
  }

  @Test
  void identityPolicyMatchesMm2() {
    var mm2 = new org.apache.kafka.connect.mirror.IdentityReplicationPolicy();
    mm2.configure(Map.of());
    ReplicationPolicy ferry = ReplicationPolicy.named("IdentityReplicationPolicy", ".", true);
    for (String topic : TOPICS) {
      assertEquals(mm2.formatRemoteTopic("west", topic), ferry.formatRemoteTopic("west", topic), "remote name of " + topic);
      assertEquals(mm2.topicSource(topic), ferry.topicSource(topic), "source of " + topic);
      assertEquals(mm2.upstreamTopic(topic), ferry.upstreamTopic(topic), "upstream of " + topic);
    }
    assertFalse(ferry.namesShowOrigin(), "identity names cannot show origin: provenance header needed");
  }

  @Test
  void unknownPoliciesAreNotGuessed() {
    assertEquals(null, ReplicationPolicy.named("com.example.DefaultReplicationPolicy", ".", true),
        "a look-alike class in another package is unknown");
    assertTrue(ReplicationPolicy.named("DefaultReplicationPolicy", ".", true) instanceof DefaultReplicationPolicy,
        "simple name accepted");
  }
}
