package dev.ferry.connectors.mirror;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.connector.ConnectorPlan;
import dev.ferry.engine.connector.ConnectorType;
import java.util.Map;

/**
 * MirrorMaker 2's {@code MirrorSourceConnector}: replicates selected topics of the source cluster
 * to remote topics on the target, one flow per source topic-partition, writes offset syncs, and
 * keeps remote topics' partitions, configs and ACLs in line. MM2 configs are accepted verbatim.
 */
public final class MirrorSourceConnectorType implements ConnectorType {

  /** MM2's class name. */
  public static final String CLASS_NAME = "org.apache.kafka.connect.mirror.MirrorSourceConnector";

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
    return new MirrorSourcePlan(name, config, MirrorConfig.parse(config), settings);
  }
}
