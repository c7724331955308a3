package dev.ferry.connectors.mirror;

/**
 * MirrorMaker 2's {@code MirrorCheckpointConnector}: translates the source cluster's consumer
 * group offsets through offset syncs into checkpoints on the target (readable by
 * {@code RemoteClusterUtils.translateOffsets}) and optionally commits them to target groups.
 * Runs one flow; Ferry translates exactly where MM2 re-reads.
 */
public final class MirrorCheckpointConnectorType extends MirrorConnectorTypeBase {

  /** MM2's class name. */
  public static final String CLASS_NAME = "org.apache.kafka.connect.mirror.MirrorCheckpointConnector";

  /** Loaded by {@link java.util.ServiceLoader}. */
  public MirrorCheckpointConnectorType() {
    super(CLASS_NAME, MirrorCheckpointPlan::new);
  }
}
