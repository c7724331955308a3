package dev.ferry.engine.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A validated connector config, ready to run: it finds the flows the connector needs now, builds
 * each flow's graph, and speaks for the type wherever the engine shows or changes flows (offsets
 * API, task configs, lag, metrics). Made once per config revision and node by
 * {@link ConnectorType#plan} and shared by every flow of the connector on that node.
 */
public interface ConnectorPlan {

  /** Warnings about accepted-but-ignored keys (obsolete ZooKeeper addresses...). */
  List<String> warnings();

  /**
   * Lists the flows the connector should run now (for Kafka sources and sinks: one per selected
   * topic-partition; for a JDBC source: one per table) and prepares their targets (creates missing
   * topics...). Fails with a readable message when a system cannot be reached.
   */
  CompletionStage<List<FlowDescriptor>> discoverFlows(ActorSystem<?> system);

  /**
   * How often this connector re-runs discovery, when its config says (e.g. MirrorMaker 2's
   * {@code refresh.topics.interval.seconds}); empty means the node's {@code ferry.discovery.interval}.
   */
  default Optional<Duration> discoveryInterval() {
    return Optional.empty();
  }

  /** The data path of one of this connector's flows. */
  FlowGraph flowGraph(FlowRef flow, ActorSystem<?> system);

  /**
   * Whether this connector's flows end by themselves (a bounded load): a flow whose graph completes
   * is then FINISHED and restarts nothing, instead of failing and restarting.
   */
  default boolean boundedFlows() {
    return false;
  }

  /** The config shown for this flow under {@code GET /connectors/{name}/tasks}. */
  Map<String, String> taskConfig(FlowRef flow);

  /**
   * The entries of {@code GET /connectors/{name}/offsets} for one flow and its persisted position,
   * in the type's (Kafka Connect's) shape. The default shows the flow key as the partition.
   */
  default List<OffsetEntry> offsetEntries(FlowRef flow, Position position) {
    return List.of(new OffsetEntry(Map.of("flow", flow.key()), position.offset()));
  }

  /**
   * Turns the entries of a {@code PATCH /connectors/{name}/offsets} into the positions of this
   * connector's flows: flow key → new position, or {@link Optional#empty()} to reset the flow to
   * where a new flow starts.
   *
   * @throws IllegalArgumentException naming the entry and key that cannot be applied (answered as 400)
   */
  default Map<String, Optional<Position>> positionsOf(List<OffsetEntry> entries, List<FlowRef> flows) {
    throw new IllegalArgumentException("Connectors of this type do not support altering offsets");
  }

  /**
   * For lag: where each flow's source currently ends, in the numbers {@link #sourceOffset} returns
   * (for Kafka: the partition's log end offset). Types that cannot tell return an empty map.
   */
  default CompletionStage<Map<String, Long>> sourceEnds(List<FlowRef> flows, ActorSystem<?> system) {
    return CompletableFuture.completedFuture(Map.of());
  }

  /** A position as a number comparable with {@link #sourceEnds} (the next Kafka offset), or -1. */
  default long sourceOffset(Position position) {
    return -1;
  }

  /**
   * The tags of a flow's meters in {@code /metrics}, besides {@code connector}: MirrorMaker 2's
   * {@code source}, {@code target}, {@code topic}, {@code partition} for the Kafka types.
   */
  default Map<String, String> metricTags(FlowRef flow) {
    return Map.of("flow", flow.key());
  }
}
