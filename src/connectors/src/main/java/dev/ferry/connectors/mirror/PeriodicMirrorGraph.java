package dev.ferry.connectors.mirror;

import dev.ferry.engine.flow.FlowGraph;
import dev.ferry.engine.kafka.KafkaClients;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A MirrorMaker 2 flow driven by a timer rather than a source partition (heartbeats, checkpoints):
 * its progress counts what it did, starting at 0, so it has no source offset to start from.
 */
abstract class PeriodicMirrorGraph implements FlowGraph {

  /** The node's Kafka clients. */
  protected final KafkaClients clients;
  /** The connector's config. */
  protected final MirrorConfig config;

  PeriodicMirrorGraph(KafkaClients clients, MirrorConfig config) {
    this.clients = clients;
    this.config = config;
  }

  @Override
  public final CompletionStage<Long> initialOffset() {
    return CompletableFuture.completedFuture(0L);
  }
}
