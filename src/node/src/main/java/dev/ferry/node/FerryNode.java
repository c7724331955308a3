package dev.ferry.node;

import com.typesafe.config.Config;
import dev.ferry.api.RestServer;
import dev.ferry.engine.FerryEngine;
import dev.ferry.engine.connector.ConnectorService;
import dev.ferry.engine.persistence.JournalSchema;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Ferry node: the journal schema, an actor system that is a Pekko cluster member,
 * the engine (sharded connectors and flows) and the Kafka Connect-compatible REST API.
 *
 * <p>{@link #start} returns once the REST API is bound. {@link #stop()} runs CoordinatedShutdown:
 * the API unbinds, sharding hands off every flow (each drains and persists its final offset),
 * then Kafka clients close. Tests start several nodes in one JVM; {@code Main} starts one.
 */
public final class FerryNode implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FerryNode.class);

  private final ActorSystem<Void> system;
  private final ConnectorService service;
  private final ServerBinding binding;
  private final NodeSettings settings;

  private FerryNode(ActorSystem<Void> system, ConnectorService service, ServerBinding binding, NodeSettings settings) {
    this.system = system;
    this.service = service;
    this.binding = binding;
    this.settings = settings;
  }

  /** Starts a node with a resolved configuration (see {@link NodeConfig}). */
  public static FerryNode start(Config config) {
    NodeSettings settings = NodeSettings.create(config);
    if (JournalSchema.enabledAtStartup(config)) {
      JournalSchema schema = JournalSchema.create(config);
      schema.apply();
      log.info("Journal schema ready: {}", schema.describe());
    }
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "ferry", config);
    try {
      Cluster cluster = Cluster.get(system);
      if (settings.management()) {
        // Before joining: Cluster Bootstrap probes peers' management endpoints.
        PekkoManagement.get(system).start().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      settings.join().start(system);
      ConnectorService service = FerryEngine.start(system);
      ServerBinding binding = RestServer.start(system, service, settings.restHost(), settings.restPort())
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
      log.info("Ferry node {} serves the REST API on {}", cluster.selfMember().address(), binding.localAddress());
      return new FerryNode(system, service, binding, settings);
    } catch (Exception | LinkageError e) {
      // Also a broken class path: the node must not linger half-started (cluster member, no API).
      system.terminate();
      throw new IllegalStateException("Ferry node failed to start: " + e, e);
    }
  }

  /** The service the REST API uses; tests and the demo call it directly. */
  public ConnectorService service() {
    return service;
  }

  /** The node's actor system. */
  public ActorSystem<Void> system() {
    return system;
  }

  /** The REST API's bound address. */
  public InetSocketAddress restAddress() {
    return binding.localAddress();
  }

  /** {@code http://host:port} of the REST API. */
  public String restUrl() {
    return "http://" + settings.restHost() + ":" + binding.localAddress().getPort();
  }

  /** Graceful stop: drains every flow on this node, then terminates; waits up to {@code timeout}. */
  public void stop(Duration timeout) {
    try {
      CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason())
          .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("Ferry node did not shut down cleanly within {}: {}", timeout, e.toString());
      system.terminate();
    }
  }

  /** Blocks until the actor system has terminated (e.g. after Ctrl-C). */
  public void awaitTermination() {
    system.getWhenTerminated().toCompletableFuture().join();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(60));
  }
}
