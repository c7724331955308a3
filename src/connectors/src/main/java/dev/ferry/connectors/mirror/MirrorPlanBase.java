package dev.ferry.connectors.mirror;

import dev.ferry.connectors.kafka.ConnectorPlanBase;
import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.FlowRef;
import java.util.Map;

/** The common part of the MirrorMaker 2 connectors' plans: a {@link MirrorConfig} and its aliases. */
abstract class MirrorPlanBase extends ConnectorPlanBase<MirrorConfig> {

  MirrorPlanBase(String name, Map<String, String> rawConfig, MirrorConfig config, ConnectorContext context) {
    super(name, rawConfig, config, config.warnings(), context);
  }

  /** MirrorMaker 2's metric tags: clusters by alias, the flow's target topic and partition. */
  @Override
  public Map<String, String> metricTags(FlowRef flow) {
    String topic = flow.attribute("target.topic");
    return Map.of("source", config.sourceAlias(), "target", config.targetAlias(),
        "topic", topic == null ? flow.key() : topic, "partition", String.valueOf(flow.attribute("partition")));
  }
}
