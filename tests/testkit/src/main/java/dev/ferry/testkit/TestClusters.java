package dev.ferry.testkit;

import dev.ferry.localkafka.LocalKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Two independent real Kafka 3.9 KRaft clusters (one broker each, child processes on loopback
 * random ports) shared by every test of a test JVM: a source and a target. Started on first use,
 * stopped when the JVM exits. Tests keep apart by using their own topic names.
 */
public final class TestClusters implements AutoCloseable {

  private static volatile TestClusters shared;

  private final LocalKafkaBroker source;
  private final LocalKafkaBroker target;
  private final Path dataDir;
  private boolean closed;

  private TestClusters(LocalKafkaBroker source, LocalKafkaBroker target, Path dataDir) {
    this.dataDir = dataDir;
    this.source = source;
    this.target = target;
  }

  /** The JVM's source and target clusters. */
  public static synchronized TestClusters shared() {
    if (shared == null) {
      shared = startNew();
    }
    return shared;
  }

  /** Two fresh clusters, for a test that must restart or kill brokers. Close them yourself. */
  public static TestClusters startNew() {
    try {
      Path dir = Files.createTempDirectory("ferry-kafka-");
      Duration ready = Duration.ofSeconds(120);
      CompletableFuture<LocalKafkaBroker> source = CompletableFuture.supplyAsync(() ->
          LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral("source", dir.resolve("source")), ready));
      CompletableFuture<LocalKafkaBroker> target = CompletableFuture.supplyAsync(() ->
          LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral("target", dir.resolve("target")), ready));
      TestClusters clusters = new TestClusters(source.join(), target.join(), dir);
      // Also for the shared clusters nobody closes: stop the brokers, then delete their data
      // (a benchmark leaves gigabytes), when the JVM exits.
      Runtime.getRuntime().addShutdownHook(new Thread(clusters::close, "ferry-test-clusters-cleanup"));
      return clusters;
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temp dir for test brokers", e);
    }
  }

  /** The source cluster's broker. */
  public LocalKafkaBroker source() {
    return source;
  }

  /** The target cluster's broker. */
  public LocalKafkaBroker target() {
    return target;
  }

  /** Stops both brokers and deletes their data (only for clusters from {@link #startNew()}). */
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    source.close();
    target.close();
    TempDirs.deleteRecursively(dataDir);
  }
}
