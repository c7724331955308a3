package dev.ferry.connectors.mirror;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.connector.ConnectorPlan;
import dev.ferry.engine.connector.ConnectorType;
import java.util.Map;

/**
 * MirrorMaker 2's {@code MirrorHeartbeatConnector}: writes a heartbeat to the target's
 * {@code heartbeats} topic every {@code emit.heartbeats.interval.seconds}, one flow.
 */
public final class MirrorHeartbeatConnectorType implements ConnectorType {

  /** MM2's class name. */
  public static final String CLASS_NAME = "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector";

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
    return new MirrorHeartbeatPlan(name, config, MirrorConfig.parse(config));
  }
}
