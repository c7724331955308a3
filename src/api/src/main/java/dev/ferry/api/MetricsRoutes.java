package dev.ferry.api;

import dev.ferry.engine.connector.ConnectorService;
import dev.ferry.engine.metrics.FerryMetrics;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Ferry's {@code GET /metrics}: this node's meters in Prometheus' text format, rendered by
 * Micrometer's Prometheus registry ({@link FerryMetrics}): the flows running here in MirrorMaker 2's
 * names, their offset and time lag, and the JVM's meters. Each scrape first measures the lag of
 * this node's flows (the same figures as {@code GET /flows}); if that fails, the scrape still answers
 * with the lag last measured.
 */
final class MetricsRoutes extends AllDirectives {

  private final ConnectorService service;
  private final FerryMetrics metrics;

  MetricsRoutes(ConnectorService service, ActorSystem<?> system) {
    this.service = service;
    this.metrics = FerryMetrics.get(system);
  }

  /** {@code GET /metrics}. */
  Route route() {
    return path("metrics", () -> get(() -> completeWithFuture(scrape())));
  }

  private CompletionStage<HttpResponse> scrape() {
    return service.flows(null)
        .thenAccept(flows -> metrics.updateLag(flows, System.currentTimeMillis()))
        .handle((done, lagUnknown) -> HttpResponse.create()
            .withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, metrics.scrape())));
  }
}
