package dev.ferry.connectors.mirror;

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
 * A validated MirrorHeartbeatConnector: discovery makes sure the target's {@code heartbeats} topic
 * exists (compacted, one partition, {@code heartbeats.topic.replication.factor}) and yields one
 * flow, {@code <connector>/heartbeats/0}, that runs the {@link HeartbeatGraph}.
 */
final class MirrorHeartbeatPlan implements ConnectorPlan {

  private final String name;
  private final Map<String, String> rawConfig;
  private final MirrorConfig config;

  MirrorHeartbeatPlan(String name, Map<String, String> rawConfig, MirrorConfig config) {
    this.name = name;
    this.rawConfig = Map.copyOf(rawConfig);
    this.config = config;
  }

  @Override
  public List<String> warnings() {
    return config.warnings();
  }

  @Override
  public CompletionStage<List<FlowSpec>> discoverFlows(ActorSystem<?> system) {
    if (config.emitHeartbeats().isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    String topic = ReplicationPolicy.HEARTBEATS_TOPIC;
    return InternalTopics.ensure(KafkaClients.get(system).admin(config.clusters().targetAdmin()), topic,
            config.heartbeatsReplicationFactor(), MirrorKeys.HEARTBEATS_RF, config.targetAlias())
        .thenApply(v -> List.of(new FlowSpec(new FlowId(name, topic, 0), topic, rawConfig)));
  }

  @Override
  public FlowGraph flowGraph(FlowSpec spec, ActorSystem<?> system) {
    return new HeartbeatGraph(KafkaClients.get(system), config);
  }

  /** MirrorMaker 2 names partitions by their cluster alias (offsets API). */
  public String sourceClusterName() {
    return config.sourceAlias();
  }

  @Override
  public Map<String, String> taskConfig(FlowSpec spec) {
    Map<String, String> task = new HashMap<>(rawConfig);
    task.put("task.class", "org.apache.kafka.connect.mirror.MirrorHeartbeatTask");
    return task;
  }
}
