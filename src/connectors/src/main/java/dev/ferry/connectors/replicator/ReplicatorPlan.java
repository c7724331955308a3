package dev.ferry.connectors.replicator;

import dev.ferry.connectors.kafka.ConnectorPlanBase;
import dev.ferry.connectors.kafka.CopyOffsets;
import dev.ferry.connectors.kafka.KafkaClients;
import dev.ferry.connectors.kafka.KafkaFlows;
import dev.ferry.connectors.kafka.KafkaPartitionGraph;
import dev.ferry.connectors.kafka.RecordCopier;
import dev.ferry.connectors.kafka.SourceEndOffsets;
import dev.ferry.connectors.kafka.TopicMirror;
import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowGraph;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.OffsetEntry;
import dev.ferry.engine.spi.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/** A validated replicator connector: discovers its partitions and builds their graphs. */
final class ReplicatorPlan extends ConnectorPlanBase<ReplicatorConfig> {

  ReplicatorPlan(String name, Map<String, String> rawConfig, ReplicatorConfig config, ConnectorContext context) {
    super(name, rawConfig, config, config.warnings(), context);
  }

  @Override
  public CompletionStage<List<FlowDescriptor>> discoverFlows(ActorSystem<?> system) {
    return new TopicMirror(KafkaClients.get(system))
        .discover(config.source(), config.target(), config.topics(), config.rename(), config.autoCreateTopics())
        .thenApply(partitions -> partitions.stream()
            .map(p -> KafkaFlows.descriptor(p.sourceTopic(), p.partition(), p.targetTopic()))
            .toList());
  }

  @Override
  public FlowGraph flowGraph(FlowRef flow, ActorSystem<?> system) {
    return new KafkaPartitionGraph(system, config.source(), config.target(), KafkaFlows.partition(flow),
        KafkaFlows.targetTopic(flow), context.engine().flow(), RecordCopier.exact(), null, config.copy(), name,
        flow.taskId());
  }

  @Override
  public CompletionStage<Map<String, Long>> sourceEnds(List<FlowRef> flows, ActorSystem<?> system) {
    return SourceEndOffsets.of(KafkaClients.get(system).admin(config.source()), flows);
  }

  @Override
  public long sourceOffset(Position position) {
    return KafkaFlows.offset(position);
  }

  /** Partitions are named by the source bootstrap servers (normalized): a replicator has no cluster alias. */
  @Override
  public List<OffsetEntry> offsetEntries(FlowRef flow, Position position) {
    return CopyOffsets.entries(config.source().bootstrapServers(), flow, position);
  }

  @Override
  public Map<String, Optional<Position>> positionsOf(List<OffsetEntry> entries, List<FlowRef> flows) {
    return CopyOffsets.positions(config.source().bootstrapServers(), name, entries, flows);
  }

  /** MirrorMaker 2's metric tags; the clusters are named by their bootstrap servers. */
  @Override
  public Map<String, String> metricTags(FlowRef flow) {
    return Map.of("source", config.source().bootstrapServers(), "target", config.target().bootstrapServers(),
        "topic", KafkaFlows.targetTopic(flow), "partition", flow.attribute(KafkaFlows.PARTITION));
  }

  @Override
  public Map<String, String> taskConfig(FlowRef flow) {
    Map<String, String> task = taskConfigOf(ReplicatorConnectorType.CLASS_NAME.replace("Connector", "Task"));
    task.put("partition.assignment", flow.attribute(KafkaFlows.TOPIC) + "-" + flow.attribute(KafkaFlows.PARTITION));
    task.put("target.topic", KafkaFlows.targetTopic(flow));
    return task;
  }
}
