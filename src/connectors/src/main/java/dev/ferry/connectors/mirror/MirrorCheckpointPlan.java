package dev.ferry.connectors.mirror;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.flow.FlowGraph;
import dev.ferry.engine.flow.FlowSpec;
import dev.ferry.engine.kafka.KafkaClients;
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

  MirrorCheckpointPlan(String name, Map<String, String> rawConfig, MirrorConfig config, EngineSettings settings) {
    super(name, rawConfig, config, settings);
  }

  @Override
  public CompletionStage<List<FlowSpec>> discoverFlows(ActorSystem<?> system) {
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
        .thenApply(v -> List.of(flowSpec(config.offsetSyncsTopic(), 0, config.checkpointsTopic())));
  }

  @Override
  public FlowGraph flowGraph(FlowSpec spec, ActorSystem<?> system) {
    return new CheckpointGraph(KafkaClients.get(system), config, settings.flow(), name);
  }

  @Override
  public Map<String, String> taskConfig(FlowSpec spec) {
    Map<String, String> task = taskConfigOf("org.apache.kafka.connect.mirror.MirrorCheckpointTask");
    task.put("checkpoints.topic", config.checkpointsTopic());
    task.put("offset-syncs.topic", config.offsetSyncsTopic());
    return task;
  }
}
