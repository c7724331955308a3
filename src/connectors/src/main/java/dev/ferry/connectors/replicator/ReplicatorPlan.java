package dev.ferry.connectors.replicator;

import dev.ferry.connectors.kafka.KafkaPartitionGraph;
import dev.ferry.connectors.kafka.TopicMirror;
import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.connector.ConnectorPlan;
import dev.ferry.engine.flow.FlowGraph;
import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowSpec;
import dev.ferry.engine.kafka.KafkaClients;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.pekko.actor.typed.ActorSystem;

/** A validated replicator connector: discovers its partitions and builds their graphs. */
final class ReplicatorPlan implements ConnectorPlan {

  private final String name;
  private final Map<String, String> rawConfig;
  private final ReplicatorConfig config;
  private final EngineSettings settings;

  ReplicatorPlan(String name, Map<String, String> rawConfig, ReplicatorConfig config, EngineSettings settings) {
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
    return new TopicMirror(KafkaClients.get(system))
        .discover(config.source(), config.target(), config.topics(), config.rename(), config.autoCreateTopics())
        .thenApply(partitions -> partitions.stream()
            .map(p -> new FlowSpec(new FlowId(name, p.sourceTopic(), p.partition()), p.targetTopic(), rawConfig))
            .toList());
  }

  @Override
  public FlowGraph flowGraph(FlowSpec spec, ActorSystem<?> system) {
    return new KafkaPartitionGraph(system, config.source(), config.target(),
        new TopicPartition(spec.id().topic(), spec.id().partition()), spec.targetTopic(), settings.flow());
  }

  @Override
  public CompletionStage<Map<FlowId, Long>> sourceEndOffsets(List<FlowId> flows, ActorSystem<?> system) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    flows.forEach(f -> request.put(new TopicPartition(f.topic(), f.partition()), OffsetSpec.latest()));
    if (request.isEmpty()) {
      return java.util.concurrent.CompletableFuture.completedFuture(Map.of());
    }
    return KafkaClients.get(system).admin(config.source()).listOffsets(request).all().toCompletionStage()
        .thenApply(ends -> {
          Map<FlowId, Long> out = new HashMap<>();
          flows.forEach(f -> {
            var info = ends.get(new TopicPartition(f.topic(), f.partition()));
            if (info != null) {
              out.put(f, info.offset());
            }
          });
          return out;
        });
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
    Map<String, String> task = new HashMap<>(rawConfig);
    task.put("task.class", ReplicatorConnectorType.CLASS_NAME.replace("Connector", "Task"));
    task.put("partition.assignment", spec.id().topic() + "-" + spec.id().partition());
    task.put("target.topic", spec.targetTopic());
    return task;
  }
}
