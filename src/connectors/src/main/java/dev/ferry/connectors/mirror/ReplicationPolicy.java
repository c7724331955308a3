package dev.ferry.connectors.mirror;

/**
 * MirrorMaker 2's naming rules for remote and internal topics, as {@code replication.policy.class}
 * selects them: {@link DefaultReplicationPolicy} ({@code <sourceAlias><separator><topic>}) or
 * {@link IdentityReplicationPolicy} (same name). Names of internal topics follow the separator
 * unless {@code replication.policy.internal.topic.separator.enabled=false}, like MM2's.
 */
public sealed interface ReplicationPolicy permits DefaultReplicationPolicy, IdentityReplicationPolicy {

  /** MM2's name of the heartbeats topic. */
  String HEARTBEATS_TOPIC = "heartbeats";

  /** The remote name of {@code topic} coming from the cluster {@code sourceAlias}. */
  String formatRemoteTopic(String sourceAlias, String topic);

  /** The alias of the cluster a remote topic came from, or null when {@code topic} is not remote. */
  String topicSource(String topic);

  /** The name of a remote topic one hop upstream; null (or the topic itself) when it is not remote. */
  String upstreamTopic(String topic);

  /** The separator between alias and topic. */
  String separator();

  /** The separator used in internal topic names. */
  String internalSeparator();

  /** Whether MM2's cycle check through the alias chain can see where topics come from. */
  boolean namesShowOrigin();

  /** Offset-syncs topic for syncs towards the cluster {@code alias}: {@code mm2-offset-syncs.<alias>.internal}. */
  default String offsetSyncsTopic(String alias) {
    return "mm2-offset-syncs" + internalSeparator() + alias + internalSeparator() + "internal";
  }

  /** Checkpoints topic of groups of the cluster {@code alias}: {@code <alias>.checkpoints.internal}. */
  default String checkpointsTopic(String alias) {
    return alias + internalSeparator() + "checkpoints" + internalSeparator() + "internal";
  }

  /** The topic at the start of a chain of hops. */
  default String originalTopic(String topic) {
    String upstream = upstreamTopic(topic);
    return upstream == null || upstream.equals(topic) ? topic : originalTopic(upstream);
  }

  /** Whether {@code topic} is a heartbeats topic, local or remote. */
  default boolean isHeartbeatsTopic(String topic) {
    return HEARTBEATS_TOPIC.equals(originalTopic(topic));
  }

  /** Topics never replicated: Kafka's and MM2's internal topics, and hidden ones. */
  default boolean isInternalTopic(String topic) {
    String suffix = internalSeparator() + "internal";
    return topic.endsWith(".internal") || topic.endsWith("-internal") || topic.endsWith(suffix)
        || topic.startsWith("__") || topic.startsWith(".");
  }

  /**
   * MM2's cycle check: a remote topic whose alias chain contains {@code targetAlias} came from the
   * target and must not go back there.
   */
  default boolean isCycle(String topic, String targetAlias) {
    String source = topicSource(topic);
    if (source == null) {
      return false;
    }
    if (source.equals(targetAlias)) {
      return true;
    }
    String upstream = upstreamTopic(topic);
    return upstream != null && !upstream.equals(topic) && isCycle(upstream, targetAlias);
  }

  /**
   * The policy a {@code replication.policy.class} value names (full or simple class name), or
   * null when Ferry does not know it.
   */
  static ReplicationPolicy named(String className, String separator, boolean internalSeparatorEnabled) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    boolean mm2Package = !className.contains(".") || className.startsWith("org.apache.kafka.connect.mirror.");
    if (!mm2Package) {
      return null;
    }
    String internal = internalSeparatorEnabled ? separator : ".";
    return switch (simple) {
      case "DefaultReplicationPolicy" -> new DefaultReplicationPolicy(separator, internal);
      case "IdentityReplicationPolicy" -> new IdentityReplicationPolicy(separator, internal);
      default -> null;
    };
  }
}
