package dev.ferry.engine.connector;

import dev.ferry.engine.TargetState;
import dev.ferry.engine.flow.FlowEntity;
import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.StatusReply;

/**
 * Reads and moves a connector's flow offsets for {@link ConnectorService}. Reading works in any
 * state; moving is Kafka Connect's KIP-875 contract: only for a STOPPED connector, only for
 * partitions it has flows for, each move persisted by the flow itself ({@link FlowEntity.MoveOffset}).
 */
final class OffsetCommands {

  private final ActorSystem<?> system;
  private final Duration timeout;

  OffsetCommands(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.timeout = timeout;
  }

  /** The persisted offset of every flow that has one. */
  CompletionStage<SourceOffsets> read(ConnectorSnapshot connector, ConnectorPlan plan) {
    List<CompletableFuture<FlowStatus>> asks = new ArrayList<>();
    for (ConnectorEntity.FlowRef flow : connector.flows()) {
      asks.add(FlowEntity.ref(system, flow.id()).<FlowStatus>ask(FlowEntity.GetStatus::new, timeout)
          .toCompletableFuture());
    }
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<SourceOffsets.PartitionOffset> offsets = asks.stream().map(CompletableFuture::join)
          .filter(status -> status.nextOffset() >= 0)
          .map(status -> new SourceOffsets.PartitionOffset(status.id().topic(), status.id().partition(),
              status.nextOffset()))
          .sorted(Comparator.comparing(SourceOffsets.PartitionOffset::topic)
              .thenComparingInt(SourceOffsets.PartitionOffset::partition))
          .toList();
      return new SourceOffsets(plan.sourceClusterName(), offsets);
    });
  }

  /**
   * Moves the given flows' offsets (null: back to the initial offset).
   *
   * @throws ConnectorException 400 unless the connector is STOPPED, or when a partition names
   *                            another source cluster or a topic-partition the connector has no flow for
   */
  CompletionStage<Done> move(ConnectorSnapshot connector, ConnectorPlan plan, SourceOffsets changes) {
    requireStopped(connector);
    if (changes.sourceCluster() != null && !changes.sourceCluster().equals(plan.sourceClusterName())) {
      throw badRequest("Partition cluster \"" + changes.sourceCluster() + "\" is not connector " + connector.name()
          + "'s source cluster \"" + plan.sourceClusterName() + "\"");
    }
    Map<String, FlowId> flows = new HashMap<>();
    connector.flows().forEach(flow -> flows.put(key(flow.id().topic(), flow.id().partition()), flow.id()));
    List<String> unknown = changes.partitions().stream().map(p -> key(p.topic(), p.partition()))
        .filter(key -> !flows.containsKey(key)).toList();
    if (!unknown.isEmpty()) {
      throw badRequest("Connector " + connector.name() + " has no flow for topic-partition(s) " + unknown
          + "; its flows are " + flows.keySet().stream().sorted().toList());
    }
    List<CompletableFuture<Done>> moves = new ArrayList<>();
    for (SourceOffsets.PartitionOffset change : changes.partitions()) {
      long next = change.nextOffset() == null ? FlowEntity.INITIAL_OFFSET : change.nextOffset();
      moves.add(FlowEntity.ref(system, flows.get(key(change.topic(), change.partition())))
          .<Done>askWithStatus(replyTo -> new FlowEntity.MoveOffset(next, replyTo), timeout)
          .toCompletableFuture()
          .exceptionally(OffsetCommands::refusedByFlow));
    }
    return CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new)).thenApply(done -> Done.getInstance());
  }

  /** Resets every flow to its initial offset. */
  CompletionStage<Done> reset(ConnectorSnapshot connector, ConnectorPlan plan) {
    requireStopped(connector);
    List<SourceOffsets.PartitionOffset> all = connector.flows().stream()
        .map(flow -> new SourceOffsets.PartitionOffset(flow.id().topic(), flow.id().partition(), null))
        .toList();
    return move(connector, plan, new SourceOffsets(null, all));
  }

  private static void requireStopped(ConnectorSnapshot connector) {
    if (connector.target() != TargetState.STOPPED) {
      // Kafka Connect's message, word for word: scripts and tools match on it.
      throw badRequest("Connectors must be in the STOPPED state before their offsets can be modified. This can be "
          + "done for the specified connector by issuing a 'PUT' request to the '/connectors/" + connector.name()
          + "/stop' endpoint");
    }
  }

  /** A flow refuses when its connector was resumed meanwhile: a conflict, not a server error. */
  private static Done refusedByFlow(Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof StatusReply.ErrorMessage refusal) {
      throw new ConnectorException(ConnectorException.Kind.CONFLICT, refusal.getMessage());
    }
    throw error instanceof RuntimeException runtime ? runtime : new java.util.concurrent.CompletionException(error);
  }

  private static String key(String topic, int partition) {
    return topic + "-" + partition;
  }

  private static ConnectorException badRequest(String message) {
    return new ConnectorException(ConnectorException.Kind.BAD_REQUEST, message);
  }
}
