package dev.ferry.connectors.mirror;

import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.connectors.kafka.ClusterClientKey;
import dev.ferry.connectors.kafka.CopySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The typed form of a MirrorMaker 2 connector config (source, checkpoint and heartbeat connectors
 * share it, as in MM2), checked all at once so one 400 answer lists every problem, each naming
 * its key. Configs written for MM2 on Kafka Connect are accepted verbatim: unknown keys are
 * ignored, converter values are trimmed, bootstrap lists may use {@code ;}.
 *
 * @param sourceAlias     {@code source.cluster.alias}
 * @param targetAlias     {@code target.cluster.alias}
 * @param clusters        the Kafka clients of both clusters
 * @param topics          topics to replicate (whole-name match)
 * @param topicsExclude   topics never replicated
 * @param groups          consumer groups to checkpoint
 * @param groupsExclude   consumer groups never checkpointed
 * @param policy          naming of remote and internal topics
 * @param replicationFactor    of remote topics
 * @param offsetSyncsReplicationFactor of the offset-syncs topic
 * @param checkpointsReplicationFactor of the checkpoints topic
 * @param heartbeatsReplicationFactor  of the heartbeats topic
 * @param offsetSyncsOnSource  offset syncs live on the source cluster (MM2's default) or the target
 * @param emitOffsetSyncs      whether the source connector writes offset syncs
 * @param refreshTopics        re-listing source topics (empty: disabled)
 * @param refreshGroups        re-listing consumer groups
 * @param syncTopicConfigs     copying topic configs
 * @param syncTopicAcls        copying topic ACLs
 * @param emitCheckpoints      emitting checkpoints
 * @param syncGroupOffsets     committing translated offsets to target groups
 * @param emitHeartbeats       emitting heartbeats
 * @param copy                 converters, transforms and error handling of the copies
 * @param warnings             accepted-but-ignored keys
 */
public record MirrorConfig(
    String sourceAlias, String targetAlias, MirrorClusters clusters,
    Pattern topics, Pattern topicsExclude, Pattern groups, Pattern groupsExclude,
    ReplicationPolicy policy,
    short replicationFactor, short offsetSyncsReplicationFactor, short checkpointsReplicationFactor,
    short heartbeatsReplicationFactor,
    boolean offsetSyncsOnSource, boolean emitOffsetSyncs,
    Optional<Duration> refreshTopics, Optional<Duration> refreshGroups, Optional<Duration> syncTopicConfigs,
    Optional<Duration> syncTopicAcls, Optional<Duration> emitCheckpoints, Optional<Duration> syncGroupOffsets,
    Optional<Duration> emitHeartbeats,
    CopySettings copy,
    List<String> warnings) {

  private static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";
  private static final List<String> CONVERTER_KEYS = List.of("key.converter", "value.converter", "header.converter");

  /**
   * Parses and checks a config.
   *
   * @throws ConnectorConfigException listing every problem, each naming its key
   */
  public static MirrorConfig parse(Map<String, String> config) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    String sourceAlias = alias(config, MirrorKeys.SOURCE_ALIAS, errors);
    String targetAlias = alias(config, MirrorKeys.TARGET_ALIAS, errors);
    if (sourceAlias != null && sourceAlias.equals(targetAlias)) {
      errors.add("Invalid value " + targetAlias + " for configuration " + MirrorKeys.TARGET_ALIAS
          + ": source and target cluster aliases must differ");
    }
    String sourceServers = bootstrap(config, MirrorKeys.SOURCE_BOOTSTRAP, errors);
    String targetServers = bootstrap(config, MirrorKeys.TARGET_BOOTSTRAP, errors);

    Pattern topics = RegexList.parse(MirrorKeys.TOPICS, config.getOrDefault(MirrorKeys.TOPICS, MirrorKeys.TOPICS_DEFAULT), errors);
    Pattern topicsExclude = RegexList.parse(config.containsKey(MirrorKeys.TOPICS_EXCLUDE) || !config.containsKey(MirrorKeys.TOPICS_BLACKLIST)
            ? MirrorKeys.TOPICS_EXCLUDE : MirrorKeys.TOPICS_BLACKLIST,
        config.getOrDefault(MirrorKeys.TOPICS_EXCLUDE,
            config.getOrDefault(MirrorKeys.TOPICS_BLACKLIST, MirrorKeys.TOPICS_EXCLUDE_DEFAULT)), errors);
    Pattern groups = RegexList.parse(MirrorKeys.GROUPS, config.getOrDefault(MirrorKeys.GROUPS, MirrorKeys.GROUPS_DEFAULT), errors);
    Pattern groupsExclude = RegexList.parse(config.containsKey(MirrorKeys.GROUPS_EXCLUDE) || !config.containsKey(MirrorKeys.GROUPS_BLACKLIST)
            ? MirrorKeys.GROUPS_EXCLUDE : MirrorKeys.GROUPS_BLACKLIST,
        config.getOrDefault(MirrorKeys.GROUPS_EXCLUDE,
            config.getOrDefault(MirrorKeys.GROUPS_BLACKLIST, MirrorKeys.GROUPS_EXCLUDE_DEFAULT)), errors);

    String separator = config.getOrDefault(MirrorKeys.SEPARATOR, ".");
    if (separator.isEmpty()) {
      errors.add("Invalid value for configuration " + MirrorKeys.SEPARATOR + ": must not be empty");
      separator = ".";
    }
    Boolean internalSeparator = bool(config, MirrorKeys.INTERNAL_SEPARATOR_ENABLED, true, errors);
    String policyClass = config.getOrDefault(MirrorKeys.POLICY_CLASS, MirrorKeys.POLICY_CLASS_DEFAULT).trim();
    ReplicationPolicy policy = ReplicationPolicy.named(policyClass, separator, internalSeparator == null || internalSeparator);
    if (policy == null) {
      errors.add("Invalid value " + policyClass + " for configuration " + MirrorKeys.POLICY_CLASS
          + ": unknown replication policy; Ferry supports org.apache.kafka.connect.mirror.DefaultReplicationPolicy"
          + " and org.apache.kafka.connect.mirror.IdentityReplicationPolicy");
    }

    short replicationFactor = replicationFactor(config, MirrorKeys.REPLICATION_FACTOR, 2, errors);
    short offsetSyncsRf = replicationFactor(config, MirrorKeys.OFFSET_SYNCS_RF, 3, errors);
    short checkpointsRf = replicationFactor(config, MirrorKeys.CHECKPOINTS_RF, 3, errors);
    short heartbeatsRf = replicationFactor(config, MirrorKeys.HEARTBEATS_RF, 3, errors);
    String location = config.getOrDefault(MirrorKeys.OFFSET_SYNCS_LOCATION, "source").trim();
    if (!location.equalsIgnoreCase("source") && !location.equalsIgnoreCase("target")) {
      errors.add("Invalid value " + location + " for configuration " + MirrorKeys.OFFSET_SYNCS_LOCATION
          + ": expected source or target");
    }
    Boolean emitOffsetSyncs = bool(config, MirrorKeys.EMIT_OFFSET_SYNCS, true, errors);
    String tasksMax = config.get("tasks.max");
    if (tasksMax != null && !tasksMax.trim().matches("[1-9][0-9]{0,8}")) {
      errors.add("Invalid value " + tasksMax + " for configuration tasks.max: expected a positive integer");
    }

    Optional<Duration> refreshTopics = MirrorJob.parse(config, MirrorKeys.REFRESH_TOPICS, true, 600, errors);
    Optional<Duration> refreshGroups = MirrorJob.parse(config, MirrorKeys.REFRESH_GROUPS, true, 600, errors);
    Optional<Duration> syncConfigs = MirrorJob.parse(config, MirrorKeys.SYNC_TOPIC_CONFIGS, true, 600, errors);
    Optional<Duration> syncAcls = MirrorJob.parse(config, MirrorKeys.SYNC_TOPIC_ACLS, true, 600, errors);
    Optional<Duration> checkpoints = MirrorJob.parse(config, MirrorKeys.EMIT_CHECKPOINTS, true, 60, errors);
    Optional<Duration> groupOffsets = MirrorJob.parse(config, MirrorKeys.SYNC_GROUP_OFFSETS, false, 60, errors);
    Optional<Duration> heartbeats = MirrorJob.parse(config, MirrorKeys.EMIT_HEARTBEATS, true, 1, errors);

    CopySettings copy = CopySettings.parse(config, errors);
    if (!copy.transforms()) {
      for (String key : CONVERTER_KEYS) {
        String value = config.get(key);
        if (value != null && !value.trim().equals(BYTE_ARRAY_CONVERTER)) {
          warnings.add(key + "=" + value.trim() + " is ignored: without transforms MirrorMaker 2 connectors copy"
              + " records as bytes");
        }
      }
    }
    MirrorClusters clusters = MirrorClusters.of(config, sourceServers, targetServers, warnings, errors);
    if (!errors.isEmpty()) {
      throw new ConnectorConfigException(errors);
    }
    return new MirrorConfig(sourceAlias, targetAlias, clusters, topics, topicsExclude, groups, groupsExclude, policy,
        replicationFactor, offsetSyncsRf, checkpointsRf, heartbeatsRf, location.equalsIgnoreCase("source"),
        emitOffsetSyncs, refreshTopics, refreshGroups, syncConfigs, syncAcls, checkpoints, groupOffsets, heartbeats,
        copy, List.copyOf(warnings));
  }

  /** The offset-syncs topic: {@code mm2-offset-syncs.<targetAlias>.internal} on the source by default. */
  public String offsetSyncsTopic() {
    return policy.offsetSyncsTopic(offsetSyncsOnSource ? targetAlias : sourceAlias);
  }

  /** Admin client of the cluster that keeps offset syncs. */
  public ClusterClientKey offsetSyncsAdmin() {
    return offsetSyncsOnSource ? clusters.sourceAdmin() : clusters.targetAdmin();
  }

  /** The checkpoints topic on the target: {@code <sourceAlias>.checkpoints.internal}. */
  public String checkpointsTopic() {
    return policy.checkpointsTopic(sourceAlias);
  }

  /** Whether a consumer group is checkpointed. */
  public boolean selectsGroup(String group) {
    return groups.matcher(group).matches() && !groupsExclude.matcher(group).matches();
  }

  static Boolean bool(Map<String, String> config, String key, boolean defaultValue, List<String> errors) {
    String value = config.getOrDefault(key, Boolean.toString(defaultValue)).trim();
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    errors.add("Invalid value " + value + " for configuration " + key + ": expected true or false");
    return null;
  }

  private static String alias(Map<String, String> config, String key, List<String> errors) {
    String value = config.get(key);
    if (value == null || value.isBlank()) {
      errors.add("Missing required configuration \"" + key + "\" which has no default value: it names the cluster"
          + " in remote topic names and cycle checks");
      return null;
    }
    return value.trim();
  }

  private static String bootstrap(Map<String, String> config, String key, List<String> errors) {
    String servers = ClusterClientKey.normalizeBootstrap(config.get(key));
    if (servers.isEmpty()) {
      errors.add("Missing required configuration \"" + key + "\" which has no default value.");
    }
    return servers;
  }

  private static short replicationFactor(Map<String, String> config, String key, int defaultValue, List<String> errors) {
    String value = config.getOrDefault(key, Integer.toString(defaultValue)).trim();
    try {
      int factor = Integer.parseInt(value);
      if (factor == -1 || (factor >= 1 && factor <= Short.MAX_VALUE)) {
        return (short) factor;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add("Invalid value " + value + " for configuration " + key
        + ": expected a replication factor (a positive integer, or -1 for the broker default)");
    return (short) defaultValue;
  }
}
