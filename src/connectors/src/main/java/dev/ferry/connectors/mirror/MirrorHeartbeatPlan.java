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
 * A validated MirrorHeartbeatConnector: discovery makes sure the target's {@code heartbeats} topic
 * exists (compacted, one partition, {@code heartbeats.topic.replication.factor}) and yields one
 * flow, {@code <connector>/heartbeats/0}, that runs the {@link HeartbeatGraph}.
 */
final class MirrorHeartbeatPlan extends MirrorPlanBase {

  MirrorHeartbeatPlan(String name, Map<String, String> rawConfig, MirrorConfig config, ConnectorContext context) {
    super(name, rawConfig, config, context);
  }

  @Override
  public CompletionStage<List<FlowDescriptor>> discoverFlows(ActorSystem<?> system) {
    if (config.emitHeartbeats().isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    String topic = ReplicationPolicy.HEARTBEATS_TOPIC;
    return InternalTopics.ensure(KafkaClients.get(system).admin(config.clusters().targetAdmin()), topic,
            config.heartbeatsReplicationFactor(), MirrorKeys.HEARTBEATS_RF, config.targetAlias())
        .thenApply(v -> List.of(KafkaFlows.descriptor(topic, 0, topic)));
  }

  @Override
  public FlowGraph flowGraph(FlowRef flow, ActorSystem<?> system) {
    return new HeartbeatGraph(KafkaClients.get(system), config);
  }

  @Override
  public Map<String, String> taskConfig(FlowRef flow) {
    return taskConfigOf("org.apache.kafka.connect.mirror.MirrorHeartbeatTask");
  }
}
