package dev.ferry.connectors.mirror;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.connector.ConnectorPlan;
import dev.ferry.engine.flow.FlowGraph;
import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowSpec;
import dev.ferry.engine.kafka.KafkaClients;
import java.util.HashMap;
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
final class MirrorCheckpointPlan implements ConnectorPlan {

  private final String name;
  private final Map<String, String> rawConfig;
  private final MirrorConfig config;
  private final EngineSettings settings;

  MirrorCheckpointPlan(String name, Map<String, String> rawConfig, MirrorConfig config, EngineSettings settings) {
    this.name = name;
    this.rawConfig = Map.copyOf(rawConfig);
    this.config = config;
    this.settings = settings;
  }

  @Override
  public List<String> warnings() {
    return config.warnings();
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
        .thenApply(v -> List.of(new FlowSpec(new FlowId(name, config.offsetSyncsTopic(), 0), config.checkpointsTopic(),
            rawConfig)));
  }

  @Override
  public FlowGraph flowGraph(FlowSpec spec, ActorSystem<?> system) {
    return new CheckpointGraph(system, config, settings.flow(), name);
  }

  /** MirrorMaker 2 names partitions by their cluster alias (offsets API). */
  public String sourceClusterName() {
    return config.sourceAlias();
  }

  @Override
  public Map<String, String> taskConfig(FlowSpec spec) {
    Map<String, String> task = new HashMap<>(rawConfig);
    task.put("task.class", "org.apache.kafka.connect.mirror.MirrorCheckpointTask");
    task.put("checkpoints.topic", config.checkpointsTopic());
    task.put("offset-syncs.topic", config.offsetSyncsTopic());
    return task;
  }
}
