package dev.ferry.connectors.replicator;

import static dev.ferry.engine.spi.ConfigKeyDefinition.optional;
import static dev.ferry.engine.spi.ConfigKeyDefinition.required;

import dev.ferry.engine.spi.ConfigKeyDefinition;
import java.util.List;

/**
 * The replicator's config keys as Kafka Connect's ConfigKeyInfo describes them: what
 * {@code GET /connector-plugins/FerryReplicatorSourceConnector/config} lists, and what validation
 * answers show for each key. The checks themselves live in {@link ReplicatorConfig}.
 */
final class ReplicatorConfigKeys {

  private static final String SOURCE = "Source";
  private static final String TARGET = "Target";
  private static final String TOPICS = "Topics";
  private static final String COMPATIBILITY = "Compatibility";

  /** Every key, in display order. */
  static final List<ConfigKeyDefinition> ALL = List.of(
      required(ReplicatorConfig.SRC_BOOTSTRAP, "LIST", "HIGH",
          "Bootstrap servers of the source cluster (',' or ';' separated). Other src.kafka.* keys are consumer "
              + "settings for the source.", SOURCE, 1),
      optional(ReplicatorConfig.DEST_BOOTSTRAP, "LIST", "", "HIGH",
          "Bootstrap servers of the target cluster; empty means the node's ferry.target.bootstrap-servers. Other "
              + "dest.kafka.* keys are producer settings (acks=all and idempotence are always on).", TARGET, 1),
      optional(ReplicatorConfig.TOPIC_WHITELIST, "LIST", "", "HIGH",
          "Topics to copy (comma-separated). Set this and/or topic.regex.", TOPICS, 1),
      optional(ReplicatorConfig.TOPIC_REGEX, "STRING", null, "HIGH",
          "Regular expression (whole-name match) of topics to copy; new matching topics are picked up.", TOPICS, 2),
      optional(ReplicatorConfig.TOPIC_BLACKLIST, "LIST", "", "MEDIUM",
          "Topics never copied (comma-separated); internal __* topics are never copied.", TOPICS, 3),
      optional(ReplicatorConfig.TOPIC_RENAME_FORMAT, "STRING", "${topic}", "MEDIUM",
          "Target topic name; ${topic} is the source topic.", TOPICS, 4),
      optional(ReplicatorConfig.TOPIC_AUTO_CREATE, "BOOLEAN", "true", "MEDIUM",
          "Create missing target topics and partitions with the source's partition count.", TOPICS, 5),
      optional("tasks.max", "INT", "1", "LOW",
          "Accepted for compatibility: Ferry always runs one flow (task) per source partition.", COMPATIBILITY, 1),
      optional("src.zookeeper.connect", "STRING", null, "LOW",
          "Obsolete: accepted and ignored, Ferry talks to Kafka brokers only.", COMPATIBILITY, 2),
      optional("dest.zookeeper.connect", "STRING", null, "LOW",
          "Obsolete: accepted and ignored, Ferry talks to Kafka brokers only.", COMPATIBILITY, 3),
      optional("key.converter", "CLASS", null, "LOW",
          "Accepted; keys are always copied as bytes.", COMPATIBILITY, 4),
      optional("value.converter", "CLASS", null, "LOW",
          "Accepted; values are always copied as bytes.", COMPATIBILITY, 5),
      optional("header.converter", "CLASS", null, "LOW",
          "Accepted; headers are always copied as bytes.", COMPATIBILITY, 6));

  private ReplicatorConfigKeys() {}
}
