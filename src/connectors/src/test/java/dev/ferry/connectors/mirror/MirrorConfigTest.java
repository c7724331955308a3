package dev.ferry.connectors.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.engine.connector.ConnectorTypes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MirrorConfigTest {

  private static final String SOURCE = "10.0.0.1:9092";
  private static final String TARGET = "core-1-1:9092;core-1-2:9092;core-1-3:9092";

  @Test
  void acceptsSeed001SourceConfigVerbatim() {
    MirrorConfig config = MirrorConfig.parse(MirrorSeeds.source(SOURCE, TARGET));
    assertEquals("emrsource", config.sourceAlias(), "source alias");
    assertEquals("emrdest", config.targetAlias(), "target alias");
    assertEquals("core-1-1:9092,core-1-2:9092,core-1-3:9092", config.clusters().targetProducer().bootstrapServers(),
        "; separated bootstrap list");
    assertEquals("PLAINTEXT", config.clusters().sourceConsumer().overrides().get("security.protocol"),
        "source.cluster.* reaches the source clients");
    assertFalse(config.clusters().targetProducer().overrides().containsKey("enable.idempotence"),
        "producer.enable.idempotence stays Ferry's");
    assertEquals(3, config.replicationFactor(), "replication.factor");
    assertEquals(Optional.of(Duration.ofSeconds(20)), config.refreshTopics(), "refresh.topics.interval.seconds");
    assertEquals("mm2-offset-syncs.emrdest.internal", config.offsetSyncsTopic(), "offset syncs topic on the source");
    assertEquals("emrsource.checkpoints.internal", config.checkpointsTopic(), "checkpoints topic");
    assertTrue(config.warnings().stream().noneMatch(w -> w.contains("converter")),
        "a converter value with a stray space is still the ByteArrayConverter: " + config.warnings());
  }

  @Test
  void acceptsSeed001CheckpointAndHeartbeatConfigsWithMm2Defaults() {
    MirrorConfig checkpoint = MirrorConfig.parse(MirrorSeeds.checkpoint(SOURCE, TARGET));
    assertEquals(Optional.of(Duration.ofSeconds(20)), checkpoint.emitCheckpoints(), "emit.checkpoints.interval.seconds");
    assertEquals(Optional.empty(), checkpoint.syncGroupOffsets(), "sync.group.offsets is off by default");
    assertTrue(checkpoint.selectsGroup("orders-app"), "groups default .*");
    assertFalse(checkpoint.selectsGroup("console-consumer-123"), "groups.exclude default");
    assertFalse(checkpoint.selectsGroup("connect-mm2"), "groups.exclude default");
    MirrorConfig heartbeat = MirrorConfig.parse(MirrorSeeds.heartbeat(SOURCE, TARGET));
    assertEquals(Optional.of(Duration.ofSeconds(20)), heartbeat.emitHeartbeats(), "emit.heartbeats.interval.seconds");
    assertEquals(3, heartbeat.heartbeatsReplicationFactor(), "heartbeats.topic.replication.factor");
    Map<String, String> defaults = MirrorSeeds.heartbeat(SOURCE, TARGET);
    defaults.remove("emit.heartbeats.interval.seconds");
    defaults.remove("replication.factor");
    MirrorConfig mm2Defaults = MirrorConfig.parse(defaults);
    assertEquals(Optional.of(Duration.ofSeconds(1)), mm2Defaults.emitHeartbeats(), "MM2 default heartbeat interval");
    assertEquals(2, mm2Defaults.replicationFactor(), "MM2 default replication.factor");
    assertEquals(3, mm2Defaults.offsetSyncsReplicationFactor(), "MM2 default offset-syncs.topic.replication.factor");
  }

  @Test
  void connectorClassesAreFoundByFullSimpleAndSuffixlessName() {
    for (String kind : new String[] {"MirrorSource", "MirrorCheckpoint", "MirrorHeartbeat"}) {
      for (String name : new String[] {"org.apache.kafka.connect.mirror." + kind + "Connector", kind + "Connector", kind}) {
        assertTrue(ConnectorTypes.find(name).isPresent(), name + " names an installed connector type");
        assertEquals("org.apache.kafka.connect.mirror." + kind + "Connector", ConnectorTypes.find(name).get().className(),
            name + " finds the right type");
      }
    }
  }

  @Test
  void mm2DefaultTopicFilterSkipsInternalReplicaAndCycleTopicsButKeepsHeartbeats() {
    Map<String, String> raw = MirrorSeeds.source(SOURCE, TARGET);
    raw.remove("topics");
    MirrorTopicFilter filter = new MirrorTopicFilter(MirrorConfig.parse(raw));
    assertTrue(filter.test("orders"), "plain topics with topics=.*");
    assertFalse(filter.test("connect-offsets-internal"), "-internal excluded");
    assertFalse(filter.test("mm2-offset-syncs.emrdest.internal"), "MM2 internal topics excluded");
    assertFalse(filter.test("orders.replica"), ".replica excluded by default");
    assertFalse(filter.test("__consumer_offsets"), "__ topics excluded");
    assertFalse(filter.test("emrdest.orders"), "a topic that came from the target is a cycle");
    assertFalse(filter.test("other.emrdest.orders"), "cycle found through the alias chain");
    assertTrue(filter.test("other.orders"), "remote topics of a third cluster are replicated");
    raw.put("topics", "^foo.*");
    MirrorTopicFilter seed = new MirrorTopicFilter(MirrorConfig.parse(raw));
    assertTrue(seed.test("foo1"), "^foo.* selects foo1");
    assertFalse(seed.test("bar"), "^foo.* does not select bar");
    assertTrue(seed.test("heartbeats"), "heartbeats are always replicated");
    assertFalse(seed.test("emrdest.heartbeats"), "but never back to where they came from");
  }

  @Test
  void badInputNamesTheKey() {
    assertNamesKey("topics", Map.of("topics", "foo.(*"));
    assertNamesKey("topics.exclude", Map.of("topics.exclude", "[a"));
    assertNamesKey("groups", Map.of("groups", "(("));
    assertNamesKey("replication.policy.class", Map.of("replication.policy.class", "com.example.MyPolicy"));
    assertNamesKey("replication.factor", Map.of("replication.factor", "zero"));
    assertNamesKey("emit.checkpoints.enabled", Map.of("emit.checkpoints.enabled", "yes"));
    assertNamesKey("offset-syncs.topic.location", Map.of("offset-syncs.topic.location", "nowhere"));
    for (String key : new String[] {"source.cluster.alias", "target.cluster.alias",
        "source.cluster.bootstrap.servers", "target.cluster.bootstrap.servers"}) {
      Map<String, String> raw = MirrorSeeds.source(SOURCE, TARGET);
      raw.remove(key);
      ConnectorConfigException e = assertThrows(ConnectorConfigException.class, () -> MirrorConfig.parse(raw));
      assertTrue(e.getMessage().contains(key), "missing " + key + " is named: " + e.getMessage());
    }
  }

  @Test
  void clientSettingsAreCheckedForTheirRole() {
    assertNamesKey("source.consumer.fetch.max.wait.ms", Map.of("source.consumer.fetch.max.wait.ms", "soon"));
    assertNamesKey("producer.override.batch.size", Map.of("producer.override.batch.size", "big"));
    assertNamesKey("target.cluster.request.timeout.ms", Map.of("target.cluster.request.timeout.ms", "x"));
  }

  @Test
  void unknownMm2KeysAreAccepted() {
    Map<String, String> raw = MirrorSeeds.source(SOURCE, TARGET);
    raw.put("offset.lag.max", "100");
    raw.put("sync.topic.acls.enabled", "false");
    raw.put("config.properties.exclude", "x");
    raw.put("metric.reporters", "");
    raw.put("errors.tolerance", "none");
    assertEquals(Optional.empty(), MirrorConfig.parse(raw).syncTopicAcls(), "ACL sync can be disabled");
  }

  private static void assertNamesKey(String key, Map<String, String> change) {
    Map<String, String> raw = MirrorSeeds.source(SOURCE, TARGET);
    raw.putAll(change);
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class, () -> MirrorConfig.parse(raw));
    assertEquals(1, e.errors().size(), "one problem: " + e.errors());
    assertTrue(e.errors().get(0).contains("configuration " + key), "the error names " + key + ": " + e.errors());
  }
}
