package dev.ferry.connectors.mirror;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.connector.ConnectorPlan;
import dev.ferry.engine.connector.ConnectorType;
import java.util.Map;

/**
 * MirrorMaker 2's {@code MirrorCheckpointConnector}: translates the source cluster's consumer
 * group offsets through offset syncs into checkpoints on the target (readable by
 * {@code RemoteClusterUtils.translateOffsets}) and optionally commits them to target groups.
 * Runs one flow; Ferry translates exactly where MM2 re-reads.
 */
public final class MirrorCheckpointConnectorType implements ConnectorType {

  /** MM2's class name. */
  public static final String CLASS_NAME = "org.apache.kafka.connect.mirror.MirrorCheckpointConnector";

  @Override
  public String className() {
    return CLASS_NAME;
  }

  @Override
  public String type() {
    return "source";
  }

  @Override
  public String version() {
    return "3.9.2";
  }

  @Override
  public ConnectorPlan plan(String name, Map<String, String> config, EngineSettings settings) {
    return new MirrorCheckpointPlan(name, config, MirrorConfig.parse(config), settings);
  }
}
