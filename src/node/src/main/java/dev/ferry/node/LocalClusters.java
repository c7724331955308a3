package dev.ferry.node;

import dev.ferry.localkafka.LocalKafkaBroker;
import java.time.Duration;
import java.util.Map;

/**
 * The local source and target Kafka clusters of the embedded demo: one real KRaft broker process
 * each, on fixed loopback ports (19092 and 29092 by default) with data under
 * {@code <data-dir>/kafka-source} and {@code <data-dir>/kafka-target}, so kcat and scripts can
 * reach them and a restart keeps their data.
 */
public final class LocalClusters implements AutoCloseable {

  private final LocalKafkaBroker source;
  private final LocalKafkaBroker target;

  private LocalClusters(LocalKafkaBroker source, LocalKafkaBroker target) {
    this.source = source;
    this.target = target;
  }

  /** Starts both brokers (in parallel) and waits until they answer. */
  public static LocalClusters start(NodeSettings settings) {
    Duration ready = Duration.ofSeconds(90);
    var sourceStart = java.util.concurrent.CompletableFuture.supplyAsync(() -> LocalKafkaBroker.start(
        settings(settings, "source", settings.sourcePort(), settings.sourcePort() + 1), ready));
    var targetStart = java.util.concurrent.CompletableFuture.supplyAsync(() -> LocalKafkaBroker.start(
        settings(settings, "target", settings.targetPort(), settings.targetPort() + 1), ready));
    return new LocalClusters(sourceStart.join(), targetStart.join());
  }

  private static LocalKafkaBroker.Settings settings(NodeSettings node, String name, int port, int controllerPort) {
    return LocalKafkaBroker.Settings.ephemeral(name, node.dataDir().resolve("kafka-" + name))
        .withPort(port)
        .withControllerPort(controllerPort)
        .withMaxHeap(node.brokerHeap())
        .withOverrides(Map.of("num.partitions", "1"));
  }

  /** Bootstrap servers of the local source cluster. */
  public String sourceBootstrap() {
    return source.bootstrapServers();
  }

  /** Bootstrap servers of the local target cluster. */
  public String targetBootstrap() {
    return target.bootstrapServers();
  }

  @Override
  public void close() {
    source.close();
    target.close();
  }
}
