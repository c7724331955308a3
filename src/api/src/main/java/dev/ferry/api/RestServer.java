package dev.ferry.api;

import dev.ferry.engine.connector.ConnectorService;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Connect-compatible REST API of a Ferry node (port 8083 by default), so curl scripts and
 * tools written for Kafka Connect work unchanged. Every node serves every connector: requests go
 * through {@link ConnectorService} and so through cluster sharding.
 *
 * <p>Lifecycle: {@link #start} binds the listener and registers a CoordinatedShutdown task in phase
 * {@code service-unbind} that stops accepting connections before the node leaves its cluster;
 * requests already in flight are answered while the rest of the shutdown runs. Routes hold no
 * state, so nothing is lost on a restart or a shard rebalance.
 */
public final class RestServer {

  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

  private RestServer() {}

  /**
   * Binds the API on {@code host:port} (port 0 picks a free one: see the binding's local address).
   *
   * @return the binding, once the listener accepts connections
   */
  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, ConnectorService service,
                                                     String host, int port) {
    return Http.get(system).newServerAt(host, port).bind(routes(service, system)).thenApply(binding -> {
      LOG.info("Kafka Connect-compatible REST API listening on {}", binding.localAddress());
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "ferry-rest-unbind",
          () -> binding.unbind().thenApply(done -> {
            LOG.info("REST API on {} unbound", binding.localAddress());
            return Done.getInstance();
          }));
      return binding;
    });
  }

  /**
   * Every route of the API, with errors (exceptions, failed futures, rejections) turned into Kafka
   * Connect's error bodies by {@link ApiErrors}.
   */
  public static Route routes(ConnectorService service, ActorSystem<?> system) {
    AllDirectives d = new AllDirectives() {};
    return d.withRequestTimeoutResponse(ApiErrors::requestTimedOut, () -> d.handleExceptions(
        ApiErrors.exceptionHandler(), () -> d.handleRejections(ApiErrors.rejectionHandler(), () -> d.concat(
            new ServerRoutes(service.settings(), system).route(),
            new ConnectorRoutes(service).route(),
            new PluginRoutes(service).route(),
            new FlowRoutes(service).route(),
            new MetricsRoutes(service, system).route(),
            new LoggerRoutes(LogLevelBroadcast.get(system)).route(),
            new ClusterRoutes(system, service.settings().workerId()).route(),
            new ConsoleRoutes().route()))));
  }
}
