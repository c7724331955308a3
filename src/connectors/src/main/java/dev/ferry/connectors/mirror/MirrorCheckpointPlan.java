package dev.ferry.connectors.mirror;

import dev.ferry.connectors.kafka.KafkaFlows;
import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.FlowGraph;
import dev.ferry.connectors.kafka.KafkaClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A validated MirrorCheckpointConnector: discovery makes sure the offset-syncs and checkpoints
 * topics exist (with their configured replication factors) and yields one flow,
 * {@code <connector>/<offset-syncs topic>/0}, that runs the {@link CheckpointGraph}.
 */
final class MirrorCheckpointPlan extends MirrorPlanBase {

  MirrorCheckpointPlan(String name, Map<String, String> rawConfig, MirrorConfig config, ConnectorContext context) {
    super(name, rawConfig, config, context);
  }

  @Override
  public CompletionStage<List<FlowDescriptor>> discoverFlows(ActorSystem<?> system) {
    if (config.emitCheckpoints().isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    KafkaClients clients = KafkaClients.get(system);
    return InternalTopics.ensure(clients.admin(config.offsetSyncsAdmin()), config.offsetSyncsTopic(),
            config.offsetSyncsReplicationFactor(), MirrorKeys.OFFSET_SYNCS_RF,
            config.offsetSyncsOnSource() ? config.sourceAlias() : config.targetAlias())
        .thenCompose(v -> InternalTopics.ensure(clients.admin(config.clusters().targetAdmin()),
            config.checkpointsTopic(), config.checkpointsReplicationFactor(), MirrorKeys.CHECKPOINTS_RF,
            config.targetAlias()))
        .thenApply(v -> List.of(KafkaFlows.descriptor(config.offsetSyncsTopic(), 0, config.checkpointsTopic())));
  }

  @Override
  public FlowGraph flowGraph(FlowRef flow, ActorSystem<?> system) {
    return new CheckpointGraph(KafkaClients.get(system), config, context.engine().flow(), name);
  }

  @Override
  public Map<String, String> taskConfig(FlowRef flow) {
    Map<String, String> task = taskConfigOf("org.apache.kafka.connect.mirror.MirrorCheckpointTask");
    task.put("checkpoints.topic", config.checkpointsTopic());
    task.put("offset-syncs.topic", config.offsetSyncsTopic());
    return task;
  }
}
