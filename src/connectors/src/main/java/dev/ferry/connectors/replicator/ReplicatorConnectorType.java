package dev.ferry.connectors.replicator;

import dev.ferry.engine.spi.ConfigKeyDefinition;
import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.ConnectorType;
import java.util.List;
import java.util.Map;

/**
 * Ferry's replicator: copies selected topics of one Kafka cluster to another, one flow per source
 * topic-partition. Accepts the configs of Replicator-style connectors unchanged (seed 000's
 * {@code EMRReplicatorSourceConnector}, Confluent's {@code ReplicatorSourceConnector}).
 */
public final class ReplicatorConnectorType implements ConnectorType {

  /** Ferry's own class name for the replicator. */
  public static final String CLASS_NAME = "dev.ferry.connectors.replicator.FerryReplicatorSourceConnector";

  @Override
  public String className() {
    return CLASS_NAME;
  }

  @Override
  public List<String> aliases() {
    return List.of("com.aliyun.emr.connect.EMRReplicatorSourceConnector",
        "io.confluent.connect.replicator.ReplicatorSourceConnector");
  }

  @Override
  public String type() {
    return "source";
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public List<ConfigKeyDefinition> configKeys() {
    return ReplicatorConfigKeys.ALL;
  }

  @Override
  public ConnectorPlan plan(String name, Map<String, String> config, ConnectorContext context) {
    return new ReplicatorPlan(name, config, ReplicatorConfig.parse(config, context.engine()), context);
  }
}
