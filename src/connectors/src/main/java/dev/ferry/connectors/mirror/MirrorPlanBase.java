package dev.ferry.connectors.mirror;

import dev.ferry.connectors.kafka.ConnectorPlanBase;
import dev.ferry.engine.EngineSettings;
import java.util.Map;

/** The common part of the MirrorMaker 2 connectors' plans: a {@link MirrorConfig} and its source alias. */
abstract class MirrorPlanBase extends ConnectorPlanBase<MirrorConfig> {

  MirrorPlanBase(String name, Map<String, String> rawConfig, MirrorConfig config, EngineSettings settings) {
    super(name, rawConfig, config, config.warnings(), settings);
  }

  /** MirrorMaker 2 names partitions by their cluster alias (offsets API). */
  @Override
  public String sourceClusterName() {
    return config.sourceAlias();
  }
}
