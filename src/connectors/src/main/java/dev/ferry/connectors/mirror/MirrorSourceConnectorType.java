package dev.ferry.connectors.mirror;

/**
 * MirrorMaker 2's {@code MirrorSourceConnector}: replicates selected topics of the source cluster
 * to remote topics on the target, one flow per source topic-partition, writes offset syncs, and
 * keeps remote topics' partitions, configs and ACLs in line. MM2 configs are accepted verbatim.
 */
public final class MirrorSourceConnectorType extends MirrorConnectorTypeBase {

  /** MM2's class name. */
  public static final String CLASS_NAME = "org.apache.kafka.connect.mirror.MirrorSourceConnector";

  /** Loaded by {@link java.util.ServiceLoader}. */
  public MirrorSourceConnectorType() {
    super(CLASS_NAME, MirrorSourcePlan::new);
  }
}
