package dev.ferry.engine.connector;

import dev.ferry.engine.TargetState;
import dev.ferry.engine.flow.FlowEntity;
import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowStatus;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.OffsetEntry;
import dev.ferry.engine.spi.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.StatusReply;

/**
 * Reads and moves a connector's flow positions for {@link ConnectorService}, in the shapes its
 * connector type gives them ({@link ConnectorPlan#offsetEntries}, {@link ConnectorPlan#positionsOf}).
 * Reading works in any state; moving is Kafka Connect's KIP-875 contract: only for a STOPPED
 * connector, only for partitions it has flows for, each move persisted by the flow itself
 * ({@link FlowEntity.MovePosition}).
 */
final class OffsetCommands {

  private final ActorSystem<?> system;
  private final Duration timeout;

  OffsetCommands(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.timeout = timeout;
  }

  /** The persisted position of every flow that has one, as offset entries. */
  CompletionStage<ConnectorOffsets> read(ConnectorSnapshot connector, ConnectorPlan plan) {
    List<CompletableFuture<FlowStatus>> asks = new ArrayList<>();
    for (FlowRef flow : connector.flows()) {
      asks.add(FlowEntity.ref(system, new FlowId(connector.name(), flow.key()))
          .<FlowStatus>ask(FlowEntity.GetStatus::new, timeout).toCompletableFuture());
    }
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<OffsetEntry> entries = new ArrayList<>();
      for (int i = 0; i < asks.size(); i++) {
        Position position = asks.get(i).join().position();
        if (position != null) {
          entries.addAll(plan.offsetEntries(connector.flows().get(i), position));
        }
      }
      return new ConnectorOffsets(List.copyOf(entries));
    });
  }

  /**
   * Moves the flows the entries name (a null offset: back to where a new flow starts).
   *
   * @throws ConnectorException 400 unless the connector is STOPPED, or when an entry cannot be
   *                            applied (its type says why: unknown partition, bad offset...)
   */
  CompletionStage<Done> move(ConnectorSnapshot connector, ConnectorPlan plan, ConnectorOffsets changes) {
    requireStopped(connector);
    Map<String, Optional<Position>> positions;
    try {
      positions = plan.positionsOf(changes.offsets(), connector.flows());
    } catch (IllegalArgumentException refused) {
      throw badRequest(refused.getMessage());
    }
    return moveAll(connector, positions);
  }

  /** Resets every flow to where a new flow starts. */
  CompletionStage<Done> reset(ConnectorSnapshot connector) {
    requireStopped(connector);
    Map<String, Optional<Position>> all = new java.util.LinkedHashMap<>();
    connector.flows().forEach(flow -> all.put(flow.key(), Optional.empty()));
    return moveAll(connector, all);
  }

  private CompletionStage<Done> moveAll(ConnectorSnapshot connector, Map<String, Optional<Position>> positions) {
    List<CompletableFuture<Done>> moves = new ArrayList<>();
    positions.forEach((key, position) -> moves.add(FlowEntity.ref(system, new FlowId(connector.name(), key))
        .<Done>askWithStatus(replyTo -> new FlowEntity.MovePosition(position.orElse(null), replyTo), timeout)
        .toCompletableFuture()
        .exceptionally(OffsetCommands::refusedByFlow)));
    return CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new)).thenApply(done -> Done.getInstance());
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
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof StatusReply.ErrorMessage refusal) {
      throw new ConnectorException(ConnectorException.Kind.CONFLICT, refusal.getMessage());
    }
    throw error instanceof RuntimeException runtime ? runtime : new CompletionException(error);
  }

  private static ConnectorException badRequest(String message) {
    return new ConnectorException(ConnectorException.Kind.BAD_REQUEST, message);
  }
}
