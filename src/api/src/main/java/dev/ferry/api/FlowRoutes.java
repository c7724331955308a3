package dev.ferry.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.connector.ConnectorService;
import dev.ferry.engine.connector.FlowView;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Ferry's own {@code GET /flows[?connector=NAME]}: every flow (Connect's tasks) with the node that
 * runs it, its state, persisted offset, the source's end offset, offset lag, time lag and rate.
 * Not part of the Connect API; what operators watch during a migration.
 */
final class FlowRoutes extends AllDirectives {

  private final ConnectorService service;

  FlowRoutes(ConnectorService service) {
    this.service = service;
  }

  /** {@code GET /flows}. */
  Route route() {
    return pathPrefix("flows", () -> pathEndOrSingleSlash(() -> get(() ->
        parameterOptional("connector", connector -> completeWithFuture(ApiErrors.call(() ->
            service.flows(connector.orElse(null)).thenApply(flows ->
                Json.response(StatusCodes.OK, render(flows, System.currentTimeMillis())))))))));
  }

  static ArrayNode render(List<FlowView> flows, long nowMs) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (FlowView flow : flows) {
      ObjectNode node = out.addObject();
      node.put("connector", flow.connector());
      node.put("task", flow.flow().taskId());
      node.put("key", flow.flow().key());
      // Kafka-reading flows (replicator, MirrorMaker 2, sinks) keep the fields they always had.
      Optional.ofNullable(flow.flow().attribute("topic")).ifPresent(topic -> node.put("topic", topic));
      Optional.ofNullable(flow.flow().attribute("partition")).ifPresent(p -> node.put("partition", Integer.parseInt(p)));
      Optional.ofNullable(flow.flow().attribute("target.topic")).ifPresent(t -> node.put("target_topic", t));
      node.set("attributes", Json.MAPPER.valueToTree(flow.flow().flow().attributes()));
      node.put("state", flow.status().state());
      node.put("worker_id", flow.status().workerId());
      node.put("offset", flow.sourceOffset());
      node.set("position", flow.status().position() == null ? null
          : Json.MAPPER.valueToTree(flow.status().position().offset()));
      node.put("end_offset", flow.endOffset());
      node.put("offset_lag", flow.offsetLag());
      node.put("time_lag_ms", flow.timeLagMs(nowMs));
      node.put("records_replicated", flow.status().recordsReplicated());
      node.put("bytes_replicated", flow.status().bytesReplicated());
      node.put("records_per_second", Math.round(flow.status().recordsPerSecond() * 10) / 10.0);
      Optional.ofNullable(flow.status().trace()).ifPresent(trace -> node.put("trace", trace));
    }
    return out;
  }
}
