package dev.ferry.connectors.mirror;

/**
 * The MirrorMaker 2 config keys Ferry reads, with MM2's defaults. Keys not listed here are
 * accepted and ignored (MM2 configs carry many Connect and metrics keys).
 */
public final class MirrorKeys {

  private MirrorKeys() {}

  /** Alias of the source cluster; names remote topics. Required. */
  public static final String SOURCE_ALIAS = "source.cluster.alias";
  /** Alias of the target cluster; used by the cycle check and internal topic names. Required. */
  public static final String TARGET_ALIAS = "target.cluster.alias";
  /** Source bootstrap servers ({@code ,} or {@code ;} separated). Required. */
  public static final String SOURCE_BOOTSTRAP = "source.cluster.bootstrap.servers";
  /** Target bootstrap servers ({@code ,} or {@code ;} separated). Required. */
  public static final String TARGET_BOOTSTRAP = "target.cluster.bootstrap.servers";
  /** Prefix of client settings for every client of the source cluster. */
  public static final String SOURCE_CLUSTER_PREFIX = "source.cluster.";
  /** Prefix of client settings for every client of the target cluster. */
  public static final String TARGET_CLUSTER_PREFIX = "target.cluster.";

  /** Topics to replicate: comma-separated regexes, whole-name match. */
  public static final String TOPICS = "topics";
  /** MM2's default for {@link #TOPICS}. */
  public static final String TOPICS_DEFAULT = ".*";
  /** Topics never replicated. */
  public static final String TOPICS_EXCLUDE = "topics.exclude";
  /** Pre-3.0 name of {@link #TOPICS_EXCLUDE}. */
  public static final String TOPICS_BLACKLIST = "topics.blacklist";
  /** MM2's default for {@link #TOPICS_EXCLUDE}. */
  public static final String TOPICS_EXCLUDE_DEFAULT = ".*[\\-\\.]internal, .*\\.replica, __.*";
  /** Consumer groups to checkpoint. */
  public static final String GROUPS = "groups";
  /** MM2's default for {@link #GROUPS}. */
  public static final String GROUPS_DEFAULT = ".*";
  /** Consumer groups never checkpointed. */
  public static final String GROUPS_EXCLUDE = "groups.exclude";
  /** Pre-3.0 name of {@link #GROUPS_EXCLUDE}. */
  public static final String GROUPS_BLACKLIST = "groups.blacklist";
  /** MM2's default for {@link #GROUPS_EXCLUDE}. */
  public static final String GROUPS_EXCLUDE_DEFAULT = "console-consumer-.*, connect-.*, __.*";

  /** Naming of remote topics. */
  public static final String POLICY_CLASS = "replication.policy.class";
  /** MM2's default policy. */
  public static final String POLICY_CLASS_DEFAULT = "org.apache.kafka.connect.mirror.DefaultReplicationPolicy";
  /** Separator of remote topic names. */
  public static final String SEPARATOR = "replication.policy.separator";
  /** Whether internal topic names use the custom separator too (default true). */
  public static final String INTERNAL_SEPARATOR_ENABLED = "replication.policy.internal.topic.separator.enabled";

  /** Replication factor of remote topics (default 2). */
  public static final String REPLICATION_FACTOR = "replication.factor";
  /** Replication factor of the offset-syncs topic (default 3). */
  public static final String OFFSET_SYNCS_RF = "offset-syncs.topic.replication.factor";
  /** Replication factor of the checkpoints topic (default 3). */
  public static final String CHECKPOINTS_RF = "checkpoints.topic.replication.factor";
  /** Replication factor of the heartbeats topic (default 3). */
  public static final String HEARTBEATS_RF = "heartbeats.topic.replication.factor";
  /** Where offset syncs are written: {@code source} (default) or {@code target}. */
  public static final String OFFSET_SYNCS_LOCATION = "offset-syncs.topic.location";
  /** Whether the source connector writes offset syncs (default true). */
  public static final String EMIT_OFFSET_SYNCS = "emit.offset-syncs.enabled";

  /** Prefix of MM2's periodic jobs: {@code <job>.enabled} and {@code <job>.interval.seconds}. */
  public static final String REFRESH_TOPICS = "refresh.topics";
  /** Re-listing consumer groups. */
  public static final String REFRESH_GROUPS = "refresh.groups";
  /** Copying topic configs. */
  public static final String SYNC_TOPIC_CONFIGS = "sync.topic.configs";
  /** Copying topic ACLs. */
  public static final String SYNC_TOPIC_ACLS = "sync.topic.acls";
  /** Emitting checkpoints. */
  public static final String EMIT_CHECKPOINTS = "emit.checkpoints";
  /** Committing translated offsets to target groups. */
  public static final String SYNC_GROUP_OFFSETS = "sync.group.offsets";
  /** Emitting heartbeats. */
  public static final String EMIT_HEARTBEATS = "emit.heartbeats";
}
