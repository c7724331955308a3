package dev.ferry.connectors.mirror;

import java.util.HashMap;
import java.util.Map;

/**
 * Seed 001's three MirrorMaker 2 connector configs, verbatim but for the addresses. Shared with the
 * integration tests through this module's test-jar.
 */
public final class MirrorSeeds {

  private MirrorSeeds() {}

  /** Seed 001's mm2-source-connector.json. */
  public static Map<String, String> source(String sourceBootstrap, String targetBootstrap) {
    Map<String, String> c = common("mm2-source-connector", "org.apache.kafka.connect.mirror.MirrorSourceConnector",
        sourceBootstrap, targetBootstrap);
    c.put("topics", "^foo.*");
    c.put("tasks.max", "4");
    c.put("offset-syncs.topic.replication.factor", "3");
    c.put("sync.topic.acls.interval.seconds", "20");
    c.put("sync.topic.configs.interval.seconds", "20");
    c.put("refresh.topics.interval.seconds", "20");
    c.put("refresh.groups.interval.seconds", "20");
    c.put("consumer.group.id", "mm2-mirror-source-consumer-group");
    c.put("producer.enable.idempotence", "true");
    return c;
  }

  /** Seed 001's mm2-checkpoint-connector.json. */
  public static Map<String, String> checkpoint(String sourceBootstrap, String targetBootstrap) {
    Map<String, String> c = common("mm2-checkpoint-connector", "org.apache.kafka.connect.mirror.MirrorCheckpointConnector",
        sourceBootstrap, targetBootstrap);
    c.put("tasks.max", "1");
    c.put("checkpoints.topic.replication.factor", "3");
    c.put("emit.checkpoints.interval.seconds", "20");
    return c;
  }

  /** Seed 001's mm2-heartbeat-connector.json. */
  public static Map<String, String> heartbeat(String sourceBootstrap, String targetBootstrap) {
    Map<String, String> c = common("mm2-heartbeat-connector", "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector",
        sourceBootstrap, targetBootstrap);
    c.put("tasks.max", "1");
    c.put("heartbeats.topic.replication.factor", "3");
    c.put("emit.heartbeats.interval.seconds", "20");
    return c;
  }

  private static Map<String, String> common(String name, String connectorClass, String source, String target) {
    Map<String, String> c = new HashMap<>();
    c.put("name", name);
    c.put("connector.class", connectorClass);
    c.put("clusters", "emrsource,emrdest");
    c.put("source.cluster.alias", "emrsource");
    c.put("target.cluster.alias", "emrdest");
    c.put("target.cluster.bootstrap.servers", target);
    c.put("source.cluster.bootstrap.servers", source);
    c.put("key.converter", " org.apache.kafka.connect.converters.ByteArrayConverter");
    c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    c.put("replication.factor", "3");
    c.put("source.cluster.security.protocol", "PLAINTEXT");
    c.put("target.cluster.security.protocol", "PLAINTEXT");
    return c;
  }
}
