package dev.ferry.connectors.replicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.engine.connector.ConnectorTypes;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicatorConfigTest {

  private static final EngineSettings SETTINGS = EngineSettings.create(
      ConfigFactory.parseString("ferry.target.bootstrap-servers = \"target:9092\"").withFallback(ConfigFactory.load()));

  /** Seed 000's curl body, with its placeholders filled in. */
  private static Map<String, String> seed000() {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", "EMRReplicatorSourceConnector");
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("src.kafka.bootstrap.servers", "10.0.0.1:9092");
    config.put("src.zookeeper.connect", "10.0.0.1:2181");
    config.put("dest.zookeeper.connect", "10.0.0.2:2181");
    config.put("topic.whitelist", "connect");
    config.put("topic.rename.format", "connect.replica");
    config.put("src.kafka.max.poll.records", "300");
    return config;
  }

  @Test
  void acceptsSeed000ConfigVerbatimWithWarningsForZookeeperKeys() {
    ReplicatorConfig config = ReplicatorConfig.parse(seed000(), SETTINGS);
    assertEquals("10.0.0.1:9092", config.source().bootstrapServers(), "source from src.kafka.bootstrap.servers");
    assertEquals("target:9092", config.target().bootstrapServers(), "target defaults to the node's target cluster");
    assertEquals("300", config.source().overrides().get("max.poll.records"), "src.kafka.* becomes a consumer setting");
    assertEquals("connect.replica", config.rename().apply("connect"), "fixed rename for a single topic");
    assertEquals(2, config.warnings().size(), "one warning per obsolete zookeeper key: " + config.warnings());
    assertTrue(config.topics().selects("connect"), "whitelisted topic selected");
    assertFalse(config.topics().selects("other"), "other topics not selected");
  }

  @Test
  void connectorClassIsFoundByFullSimpleAndShortName() {
    for (String name : new String[] {"EMRReplicatorSourceConnector", "EMRReplicatorSource",
        "com.aliyun.emr.connect.EMRReplicatorSourceConnector", ReplicatorConnectorType.CLASS_NAME,
        "FerryReplicatorSource", "io.confluent.connect.replicator.ReplicatorSourceConnector"}) {
      assertTrue(ConnectorTypes.find(name).isPresent(), name + " names the replicator");
    }
    assertTrue(ConnectorTypes.find("NoSuchConnector").isEmpty(), "unknown classes are not found");
  }

  @Test
  void missingSourceBootstrapIsNamed() {
    Map<String, String> config = seed000();
    config.remove("src.kafka.bootstrap.servers");
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class, () -> ReplicatorConfig.parse(config, SETTINGS));
    assertTrue(e.getMessage().contains("src.kafka.bootstrap.servers"), "message names the key: " + e.getMessage());
    assertTrue(e.getMessage().startsWith("Connector configuration is invalid and contains the following 1 error(s)"),
        "Kafka Connect's wording: " + e.getMessage());
  }

  @Test
  void clientSettingsOfTheWrongTypeAreRefusedNamingTheConnectorsKey() {
    Map<String, String> config = seed000();
    config.put("src.kafka.max.poll.records", "abc");
    config.put("dest.kafka.linger.ms", "-5");
    config.put("src.kafka.some.plugin.setting", "anything");
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class, () -> ReplicatorConfig.parse(config, SETTINGS));
    assertEquals(2, e.errors().size(), "two bad settings, the unknown one passes: " + e.errors());
    assertTrue(e.errors().stream().anyMatch(m -> m.startsWith("Invalid value abc for configuration src.kafka.max.poll.records")),
        "names the key and value: " + e.errors());
    assertTrue(e.errors().stream().anyMatch(m -> m.contains("dest.kafka.linger.ms") && m.contains("at least 0")),
        "a range violation, with Kafka's reason: " + e.errors());
  }

  @Test
  void invalidRegexIsNamed() {
    Map<String, String> config = seed000();
    config.remove("topic.whitelist");
    config.put("topic.regex", "orders.(*");
    config.put("topic.rename.format", "${topic}.replica");
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class, () -> ReplicatorConfig.parse(config, SETTINGS));
    assertTrue(e.errors().get(0).contains("topic.regex"), "error names topic.regex: " + e.errors());
  }

  @Test
  void noTopicsAtAllIsRejected() {
    Map<String, String> config = seed000();
    config.remove("topic.whitelist");
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class, () -> ReplicatorConfig.parse(config, SETTINGS));
    assertTrue(e.getMessage().contains("topic.whitelist"), "says which keys select topics: " + e.getMessage());
  }

  @Test
  void fixedRenameWithSeveralTopicsIsRejectedBecauseItWouldMergeThem() {
    Map<String, String> config = seed000();
    config.put("topic.whitelist", "a,b");
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class, () -> ReplicatorConfig.parse(config, SETTINGS));
    assertTrue(e.getMessage().contains("topic.rename.format"), "names the rename key: " + e.getMessage());
  }

  @Test
  void sameClusterWithoutRenameIsRejected() {
    Map<String, String> config = seed000();
    config.put("dest.kafka.bootstrap.servers", "10.0.0.1:9092");
    config.put("topic.rename.format", "${topic}");
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class, () -> ReplicatorConfig.parse(config, SETTINGS));
    assertTrue(e.getMessage().contains("onto themselves"), "explains the loop: " + e.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", "EMRReplicatorSourceConnector");
    config.put("topic.regex", "[");
    config.put("tasks.max", "zero");
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class, () -> ReplicatorConfig.parse(config, SETTINGS));
    assertEquals(3, e.errors().size(), "bootstrap, regex and tasks.max each reported: " + e.errors());
  }

  @Test
  void semicolonSeparatedBootstrapListsAreAccepted() {
    Map<String, String> config = seed000();
    config.put("src.kafka.bootstrap.servers", " a:9092; b:9092 ,c:9092");
    assertEquals("a:9092,b:9092,c:9092", ReplicatorConfig.parse(config, SETTINGS).source().bootstrapServers(),
        "servers split on ; and , and trimmed");
  }

  @Test
  void ferryOwnedClientSettingsAreIgnoredWithAWarning() {
    Map<String, String> config = seed000();
    config.put("src.kafka.group.id", "mine");
    config.put("dest.kafka.acks", "0");
    ReplicatorConfig parsed = ReplicatorConfig.parse(config, SETTINGS);
    assertFalse(parsed.source().overrides().containsKey("group.id"), "group.id is Ferry's");
    assertFalse(parsed.target().overrides().containsKey("acks"), "acks stays all");
    assertTrue(parsed.warnings().stream().anyMatch(w -> w.contains("dest.kafka.acks")), "warned: " + parsed.warnings());
  }
}
