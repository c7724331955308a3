package dev.ferry.connectors.mirror;

import dev.ferry.connectors.kafka.KafkaClients;
import dev.ferry.connectors.kafka.KafkaFlows;
import dev.ferry.engine.spi.FlowGraph;
import dev.ferry.engine.spi.Position;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A MirrorMaker 2 flow driven by a timer rather than a source partition (heartbeats, checkpoints):
 * its position counts what it did ({@code {"count": n}}), starting at 0, so it has no source
 * offset to start from. (Ferry 0.1 kept the count as the flow's offset; it is read as such.)
 */
abstract class PeriodicMirrorGraph implements FlowGraph {

  /** The position key: rounds or heartbeats done. */
  static final String COUNT = "count";

  /** The node's Kafka clients. */
  protected final KafkaClients clients;
  /** The connector's config. */
  protected final MirrorConfig config;

  PeriodicMirrorGraph(KafkaClients clients, MirrorConfig config) {
    this.clients = clients;
    this.config = config;
  }

  @Override
  public final CompletionStage<Position> startPosition(Position persisted, boolean movedByOperator) {
    return CompletableFuture.completedFuture(Position.of(COUNT, count(persisted)));
  }

  /** The count a position holds (0 for none). */
  static long count(Position position) {
    if (position == null) {
      return 0;
    }
    return position.getLong(COUNT, Math.max(0, position.getLong(KafkaFlows.KAFKA_OFFSET, 0)));
  }
}
