package dev.ferry.engine.connector;

import dev.ferry.engine.flow.FlowGraph;
import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A validated connector config, ready to run: it finds the flows the connector needs now and
 * builds each flow's graph. Made by {@link ConnectorType#plan}; cheap to recreate from the config,
 * which is how a flow entity rebuilds its graph on whatever node it lands on.
 */
public interface ConnectorPlan {

  /** Warnings about accepted-but-ignored keys (obsolete ZooKeeper addresses, converters...). */
  List<String> warnings();

  /**
   * Lists the flows the connector should run now (for Kafka sources: one per selected source
   * topic-partition) and prepares their targets (creates missing topics and partitions).
   * Fails with a readable message when a cluster cannot be reached.
   */
  CompletionStage<List<FlowSpec>> discoverFlows(ActorSystem<?> system);

  /**
   * How often this connector re-runs discovery, when its config says (e.g. MirrorMaker 2's
   * {@code refresh.topics.interval.seconds}); empty means the node's {@code ferry.discovery.interval}.
   */
  default Optional<Duration> discoveryInterval() {
    return Optional.empty();
  }

  /** The data path of one of this connector's flows. */
  FlowGraph flowGraph(FlowSpec spec, ActorSystem<?> system);

  /**
   * Where each flow's source currently ends (for Kafka: the partition's log end offset), so the
   * API can show offset lag. Types that cannot tell return an empty map.
   */
  default CompletionStage<Map<FlowId, Long>> sourceEndOffsets(List<FlowId> flows, ActorSystem<?> system) {
    return java.util.concurrent.CompletableFuture.completedFuture(Map.of());
  }

  /**
   * How the offsets API names this connector's source cluster in a partition
   * ({@code {"cluster":..,"topic":..,"partition":..}}, MirrorMaker 2's keys): e.g. a MirrorMaker 2
   * source alias, or the replicator's source bootstrap servers.
   */
  default String sourceClusterName() {
    return "source";
  }

  /**
   * How metrics name this connector's target cluster (the {@code target} tag of MirrorMaker 2's
   * metrics): e.g. a MirrorMaker 2 target alias, or the replicator's target bootstrap servers.
   */
  default String targetClusterName() {
    return "target";
  }

  /** The config shown for this flow under {@code GET /connectors/{name}/tasks}. */
  Map<String, String> taskConfig(FlowSpec spec);
}
