package dev.ferry.connectors.replicator;

import dev.ferry.connectors.kafka.TopicRenameFormat;
import dev.ferry.connectors.kafka.TopicSelector;
import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.connectors.kafka.ClientSettings;
import dev.ferry.connectors.kafka.ClusterClientKey;
import dev.ferry.connectors.kafka.CopySettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The typed form of a replicator connector's config: the keys of Replicator-style connectors
 * (seed 000's {@code EMRReplicatorSourceConnector}, Confluent Replicator), checked all at once so
 * one 400 answer lists every problem.
 *
 * @param source           source cluster (bootstrap servers + {@code src.kafka.*} consumer overrides)
 * @param target           target cluster (bootstrap servers + {@code dest.kafka.*} producer overrides)
 * @param topics           which source topics are replicated
 * @param rename           how target topics are named
 * @param autoCreateTopics create missing target topics and partitions
 * @param copy             converters, transforms and error handling of the copies ({@link CopySettings})
 * @param warnings         accepted-but-ignored keys
 */
public record ReplicatorConfig(
    ClusterClientKey source,
    ClusterClientKey target,
    TopicSelector topics,
    TopicRenameFormat rename,
    boolean autoCreateTopics,
    CopySettings copy,
    List<String> warnings) {

  /** Source cluster bootstrap servers (required). */
  public static final String SRC_BOOTSTRAP = "src.kafka.bootstrap.servers";
  /** Prefix of source consumer settings, e.g. {@code src.kafka.max.poll.records}. */
  public static final String SRC_PREFIX = "src.kafka.";
  /** Target cluster bootstrap servers; default: the node's configured target cluster. */
  public static final String DEST_BOOTSTRAP = "dest.kafka.bootstrap.servers";
  /** Prefix of target producer settings. */
  public static final String DEST_PREFIX = "dest.kafka.";
  /** Comma-separated topics to replicate. */
  public static final String TOPIC_WHITELIST = "topic.whitelist";
  /** Regex (full match) of topics to replicate. */
  public static final String TOPIC_REGEX = "topic.regex";
  /** Comma-separated topics never replicated. */
  public static final String TOPIC_BLACKLIST = "topic.blacklist";
  /** Target topic name format; {@code ${topic}} is the source topic. Default {@code ${topic}}. */
  public static final String TOPIC_RENAME_FORMAT = "topic.rename.format";
  /** Whether missing target topics/partitions are created (default true). */
  public static final String TOPIC_AUTO_CREATE = "topic.auto.create";
  /** Obsolete ZooKeeper addresses: accepted with a warning, never used. */
  public static final List<String> OBSOLETE_KEYS = List.of("src.zookeeper.connect", "dest.zookeeper.connect");
  /** Converter keys: bytes are copied as they are whatever they say. */
  public static final List<String> CONVERTER_KEYS = List.of("key.converter", "value.converter", "header.converter");

  private static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";
  /** Client settings Ferry owns: overriding them would break replication. */
  private static final Set<String> FERRY_OWNED = Set.of("key.deserializer", "value.deserializer",
      "key.serializer", "value.serializer", "group.id", "enable.auto.commit", "acks", "enable.idempotence");

  /**
   * Parses and checks a config.
   *
   * @throws ConnectorConfigException listing every problem, each naming its key
   */
  public static ReplicatorConfig parse(Map<String, String> config, EngineSettings settings) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    String sourceServers = ClusterClientKey.normalizeBootstrap(config.get(SRC_BOOTSTRAP));
    if (sourceServers.isEmpty()) {
      errors.add("Missing required configuration \"" + SRC_BOOTSTRAP + "\" which has no default value.");
    }
    String targetServers = ClusterClientKey.normalizeBootstrap(config.get(DEST_BOOTSTRAP));
    if (targetServers.isEmpty()) {
      targetServers = ClusterClientKey.normalizeBootstrap(settings.defaultTarget());
      if (targetServers.isEmpty()) {
        errors.add("Missing required configuration \"" + DEST_BOOTSTRAP
            + "\": this node has no default target cluster (ferry.target.bootstrap-servers)");
      }
    }

    Set<String> whitelist = list(config.get(TOPIC_WHITELIST));
    Set<String> blacklist = list(config.get(TOPIC_BLACKLIST));
    Pattern regex = null;
    String regexText = config.get(TOPIC_REGEX);
    if (regexText != null && !regexText.isBlank()) {
      try {
        regex = Pattern.compile(regexText.trim());
      } catch (PatternSyntaxException e) {
        errors.add("Invalid value " + regexText + " for configuration " + TOPIC_REGEX + ": not a valid regular expression: "
            + e.getDescription() + " near index " + e.getIndex());
      }
    }
    if (whitelist.isEmpty() && (regexText == null || regexText.isBlank())) {
      errors.add("Missing topics: set \"" + TOPIC_WHITELIST + "\" (comma-separated topics) and/or \""
          + TOPIC_REGEX + "\" (a regular expression)");
    }
    for (String topic : whitelist) {
      if (!TopicRenameFormat.isLegalTopic(topic)) {
        errors.add("Invalid value " + topic + " for configuration " + TOPIC_WHITELIST + ": not a legal Kafka topic name");
      }
    }

    TopicRenameFormat rename = new TopicRenameFormat(
        config.getOrDefault(TOPIC_RENAME_FORMAT, TopicRenameFormat.PLACEHOLDER).trim());
    if (rename.format().isEmpty()) {
      errors.add("Invalid value for configuration " + TOPIC_RENAME_FORMAT + ": must not be empty");
    } else if (!rename.usesTopic() && (whitelist.size() > 1 || regex != null)) {
      errors.add("Invalid value " + rename.format() + " for configuration " + TOPIC_RENAME_FORMAT
          + ": without ${topic} every selected topic would be merged into one; use it only with a single topic in "
          + TOPIC_WHITELIST);
    } else if (!TopicRenameFormat.isLegalTopic(rename.apply("t"))) {
      errors.add("Invalid value " + rename.format() + " for configuration " + TOPIC_RENAME_FORMAT
          + ": does not give a legal Kafka topic name");
    }
    if (!sourceServers.isEmpty() && sourceServers.equals(targetServers) && rename.isIdentity()) {
      errors.add("Invalid value ${topic} for configuration " + TOPIC_RENAME_FORMAT
          + ": source and target are the same cluster (" + sourceServers + "), so topics would be replicated onto themselves");
    }

    String autoCreate = config.getOrDefault(TOPIC_AUTO_CREATE, "true").trim();
    if (!autoCreate.equalsIgnoreCase("true") && !autoCreate.equalsIgnoreCase("false")) {
      errors.add("Invalid value " + autoCreate + " for configuration " + TOPIC_AUTO_CREATE + ": expected true or false");
    }
    String tasksMax = config.get("tasks.max");
    if (tasksMax != null && !tasksMax.trim().matches("[1-9][0-9]{0,8}")) {
      errors.add("Invalid value " + tasksMax + " for configuration tasks.max: expected a positive integer");
    }

    for (String key : OBSOLETE_KEYS) {
      if (config.containsKey(key)) {
        warnings.add(key + " is obsolete and ignored: Ferry talks to Kafka brokers only, never to ZooKeeper");
      }
    }
    CopySettings copy = CopySettings.parse(config, errors);
    if (!copy.transforms()) {
      for (String key : CONVERTER_KEYS) {
        String value = config.get(key);
        if (value != null && !value.trim().equals(BYTE_ARRAY_CONVERTER)) {
          warnings.add(key + "=" + value.trim() + " is ignored: without transforms the replicator copies keys, values"
              + " and headers as bytes");
        }
      }
    }

    Map<String, String> consumer = prefixed(config, SRC_PREFIX, SRC_BOOTSTRAP, warnings);
    Map<String, String> producer = prefixed(config, DEST_PREFIX, DEST_BOOTSTRAP, warnings);
    consumer.forEach((k, v) -> ClientSettings.check(ClientSettings.Role.CONSUMER, SRC_PREFIX + k, k, v, errors));
    producer.forEach((k, v) -> ClientSettings.check(ClientSettings.Role.PRODUCER, DEST_PREFIX + k, k, v, errors));
    if (!errors.isEmpty()) {
      throw new ConnectorConfigException(errors);
    }
    return new ReplicatorConfig(
        new ClusterClientKey(sourceServers, consumer),
        new ClusterClientKey(targetServers, producer),
        new TopicSelector(whitelist, regex, blacklist),
        rename,
        Boolean.parseBoolean(autoCreate),
        copy,
        List.copyOf(warnings));
  }

  private static Map<String, String> prefixed(Map<String, String> config, String prefix, String bootstrapKey,
                                              List<String> warnings) {
    Map<String, String> out = new TreeMap<>();
    config.forEach((key, value) -> {
      if (key.startsWith(prefix) && !key.equals(bootstrapKey)) {
        String clientKey = key.substring(prefix.length());
        if (FERRY_OWNED.contains(clientKey)) {
          warnings.add(key + " is ignored: Ferry sets " + clientKey + " itself");
        } else {
          out.put(clientKey, value.trim());
        }
      }
    });
    return out;
  }

  private static Set<String> list(String value) {
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    return out;
  }
}
