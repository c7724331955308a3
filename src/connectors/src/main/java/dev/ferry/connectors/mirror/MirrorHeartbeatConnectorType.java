package dev.ferry.connectors.mirror;

/**
 * MirrorMaker 2's {@code MirrorHeartbeatConnector}: writes a heartbeat to the target's
 * {@code heartbeats} topic every {@code emit.heartbeats.interval.seconds}, one flow.
 */
public final class MirrorHeartbeatConnectorType extends MirrorConnectorTypeBase {

  /** MM2's class name. */
  public static final String CLASS_NAME = "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector";

  /** Loaded by {@link java.util.ServiceLoader}. */
  public MirrorHeartbeatConnectorType() {
    super(CLASS_NAME, MirrorHeartbeatPlan::new);
  }
}
