package dev.ferry.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ferry.engine.FerryEngine;
import dev.ferry.engine.connector.ConnectorService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A one-node Ferry cluster with in-memory persistence and the REST API on a free port, started once
 * for all test classes of a run (kept in JUnit's root store, terminated at the end) and handed to
 * tests as an {@link ApiClient}. No Kafka: connectors point at {@code 127.0.0.1:1}, so their
 * discovery fails after {@code ferry.discovery.admin-timeout} (2s here) and they report FAILED.
 */
public final class TestNode implements BeforeAllCallback, ParameterResolver {

  /** How long a test waits for something asynchronous. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @Override
  public void beforeAll(ExtensionContext context) {
    node(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ApiClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return node(context).client;
  }

  private static Running node(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.create(TestNode.class))
        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  /** The started node; closed by JUnit when the run ends. */
  static final class Running implements ExtensionContext.Store.CloseableResource {
    private final ActorSystem<Void> system;
    private final ApiClient client;

    private Running(ActorSystem<Void> system, ApiClient client) {
      this.system = system;
      this.client = client;
    }

    static Running start() {
      try {
        Path snapshots = Files.createTempDirectory("ferry-api-test-snapshots");
        Config config = ConfigFactory.parseString("""
            pekko.actor.provider = cluster
            pekko.remote.artery.canonical.port = 0
            pekko.remote.artery.canonical.hostname = 127.0.0.1
            pekko.persistence.journal.plugin = pekko.persistence.journal.inmem
            pekko.persistence.snapshot-store.plugin = pekko.persistence.snapshot-store.local
            pekko.persistence.snapshot-store.local.dir = "%s"
            pekko.cluster.sharding.remember-entities = off
            pekko.actor.serialization-bindings { "dev.ferry.engine.JsonSerializable" = jackson-json }
            pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
            pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
            pekko.loglevel = WARNING
            pekko.coordinated-shutdown.exit-jvm = off
            ferry.discovery.interval = 1h
            ferry.discovery.admin-timeout = 2s
            ferry.target.bootstrap-servers = "127.0.0.1:1"
            """.formatted(snapshots.toString().replace("\\", "/"))).withFallback(ConfigFactory.load());
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "ferry-api-test", config);
        // The production start path: registry, connector and flow entities, Kafka client pool.
        ConnectorService service = FerryEngine.start(system);
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        ServerBinding binding = RestServer.start(system, service, "127.0.0.1", 0)
            .toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        ApiClient client = new ApiClient(URI.create("http://127.0.0.1:" + binding.localAddress().getPort()));
        Eventually.until(PATIENCE, "the node to report healthy on /health",
            () -> client.get("/health"), reply -> reply.status() == 200);
        return new Running(system, client);
      } catch (Exception e) {
        throw new IllegalStateException("Cannot start the test node: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws Exception {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
