package dev.ferry.connectors.replicator;

import dev.ferry.connectors.kafka.ConnectorPlanBase;
import dev.ferry.connectors.kafka.KafkaPartitionGraph;
import dev.ferry.connectors.kafka.SourceEndOffsets;
import dev.ferry.connectors.kafka.TopicMirror;
import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.flow.FlowGraph;
import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowSpec;
import dev.ferry.engine.kafka.KafkaClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.apache.pekko.actor.typed.ActorSystem;

/** A validated replicator connector: discovers its partitions and builds their graphs. */
final class ReplicatorPlan extends ConnectorPlanBase<ReplicatorConfig> {

  ReplicatorPlan(String name, Map<String, String> rawConfig, ReplicatorConfig config, EngineSettings settings) {
    super(name, rawConfig, config, config.warnings(), settings);
  }

  @Override
  public CompletionStage<List<FlowSpec>> discoverFlows(ActorSystem<?> system) {
    return new TopicMirror(KafkaClients.get(system))
        .discover(config.source(), config.target(), config.topics(), config.rename(), config.autoCreateTopics())
        .thenApply(partitions -> partitions.stream()
            .map(p -> flowSpec(p.sourceTopic(), p.partition(), p.targetTopic()))
            .toList());
  }

  @Override
  public FlowGraph flowGraph(FlowSpec spec, ActorSystem<?> system) {
    return new KafkaPartitionGraph(system, config.source(), config.target(),
        new TopicPartition(spec.id().topic(), spec.id().partition()), spec.targetTopic(), settings.flow());
  }

  @Override
  public CompletionStage<Map<FlowId, Long>> sourceEndOffsets(List<FlowId> flows, ActorSystem<?> system) {
    return SourceEndOffsets.of(KafkaClients.get(system).admin(config.source()), flows);
  }

  /** The source bootstrap servers as configured (normalized), since a replicator has no cluster alias. */
  @Override
  public String sourceClusterName() {
    return config.source().bootstrapServers();
  }

  /** The target bootstrap servers (the connector's or the node's default), for the metrics' {@code target} tag. */
  @Override
  public String targetClusterName() {
    return config.target().bootstrapServers();
  }

  @Override
  public Map<String, String> taskConfig(FlowSpec spec) {
    Map<String, String> task = taskConfigOf(ReplicatorConnectorType.CLASS_NAME.replace("Connector", "Task"));
    task.put("partition.assignment", spec.id().topic() + "-" + spec.id().partition());
    task.put("target.topic", spec.targetTopic());
    return task;
  }
}
