package dev.ferry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.connector.ConnectorException;
import dev.ferry.engine.connector.ConnectorService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.StringUnmarshallers;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The {@code /connectors} resource: create, list, read, reconfigure (PUT or PATCH), pause, resume,
 * stop, restart and delete connectors; read their status and tasks and restart one task; read,
 * move and reset their offsets (KIP-875); list and reset the topics they used (KIP-558). Each route makes one or two
 * {@link ConnectorService} calls and renders the answer; every failure is left to
 * {@link ApiErrors}. A trailing slash is accepted, as Kafka Connect does.
 */
final class ConnectorRoutes extends AllDirectives {

  private final ConnectorService service;

  ConnectorRoutes(ConnectorService service) {
    this.service = service;
  }

  /** Every {@code /connectors} route. */
  Route route() {
    return pathPrefix("connectors", () -> concat(
        pathEndOrSingleSlash(() -> concat(
            get(() -> parameterList("expand", this::list)),
            post(() -> entity(Unmarshaller.entityToString(), this::create)))),
        pathPrefix(PathMatchers.segment(), this::connector)));
  }

  private Route connector(String name) {
    return concat(
        pathEndOrSingleSlash(() -> concat(
            get(() -> reply(() -> service.get(name).thenApply(s -> ok(ConnectorViews.info(s))))),
            delete(() -> reply(() -> service.delete(name).thenApply(s -> Json.empty(StatusCodes.NO_CONTENT)))))),
        resource("config", () -> concat(
            get(() -> reply(() -> service.get(name).thenApply(s -> ok(ConnectorViews.config(s.config()))))),
            put(() -> entity(Unmarshaller.entityToString(), body -> putConfig(name, body))),
            patch(() -> entity(Unmarshaller.entityToString(), body -> reply(() -> service.patchConfig(name,
                Json.configPatch(Json.parse(body))).thenApply(snapshot -> ok(ConnectorViews.info(snapshot)))))))),
        resource("status", () -> get(() -> reply(() -> service.status(name)
            .thenApply(status -> ok(ConnectorViews.status(status)))))),
        pathPrefix("tasks", () -> concat(
            pathEndOrSingleSlash(() -> get(() -> reply(() -> service.taskConfigs(name)
                .thenApply(tasks -> ok(ConnectorViews.taskInfos(name, tasks)))))),
            pathPrefix(PathMatchers.integerSegment(), task -> concat(
                resource("status", () -> get(() -> reply(() -> taskStatus(name, task)))),
                resource("restart", () -> post(() -> reply(() -> service.restartTask(name, task)
                    .thenApply(done -> Json.empty(StatusCodes.NO_CONTENT))))))))),
        resource("offsets", () -> concat(
            get(() -> reply(() -> service.offsets(name).thenApply(offsets -> ok(OffsetViews.render(offsets))))),
            patch(() -> entity(Unmarshaller.entityToString(), body -> reply(() -> service.alterOffsets(name,
                OffsetViews.parse(body)).thenApply(done -> message("altered"))))),
            delete(() -> reply(() -> service.resetOffsets(name).thenApply(done -> message("reset")))))),
        pathPrefix("topics", () -> concat(
            pathEndOrSingleSlash(() -> get(() -> reply(() -> service.get(name)
                .thenApply(snapshot -> ok(ConnectorViews.topics(snapshot)))))),
            resource("reset", () -> put(() -> reply(() -> service.resetTopics(name)
                .thenApply(snapshot -> Json.empty(StatusCodes.ACCEPTED))))))),
        resource("pause", () -> put(() -> changeTarget(name, TargetState.PAUSED, StatusCodes.ACCEPTED))),
        resource("resume", () -> put(() -> changeTarget(name, TargetState.RUNNING, StatusCodes.ACCEPTED))),
        resource("stop", () -> put(() -> changeTarget(name, TargetState.STOPPED, StatusCodes.NO_CONTENT))),
        resource("restart", () -> post(() ->
            parameterOptional(StringUnmarshallers.BOOLEAN, "includeTasks", includeTasks ->
                parameterOptional(StringUnmarshallers.BOOLEAN, "onlyFailed", onlyFailed ->
                    reply(() -> restart(name, includeTasks.orElse(false), onlyFailed.orElse(false))))))));
  }

  // ---------------------------------------------------------------- handlers

  private Route list(List<String> expand) {
    Set<String> expansions = new LinkedHashSet<>(expand);
    if (expansions.isEmpty()) {
      return reply(() -> service.list().thenApply(names -> {
        ArrayNode out = Json.MAPPER.createArrayNode();
        names.forEach(out::add);
        return ok(out);
      }));
    }
    return reply(() -> service.list().thenCompose(names -> {
      List<CompletableFuture<Optional<ObjectNode>>> each = new ArrayList<>();
      for (String name : names) {
        each.add(expanded(name, expansions));
      }
      return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (int i = 0; i < names.size(); i++) {
          int index = i;
          each.get(i).join().ifPresent(node -> out.set(names.get(index), node));
        }
        return ok(out);
      });
    }));
  }

  /** One connector's expansions; empty when it was deleted since the list was read. */
  private CompletableFuture<Optional<ObjectNode>> expanded(String name, Set<String> expansions) {
    // Unknown expansions are ignored, as Kafka Connect does.
    CompletableFuture<JsonNode> status = expansions.contains("status")
        ? ApiErrors.call(() -> service.status(name)).<JsonNode>thenApply(ConnectorViews::status).toCompletableFuture()
        : CompletableFuture.completedFuture(null);
    CompletableFuture<JsonNode> info = expansions.contains("info")
        ? ApiErrors.call(() -> service.get(name)).<JsonNode>thenApply(ConnectorViews::info).toCompletableFuture()
        : CompletableFuture.completedFuture(null);
    return status.thenCombine(info, (statusNode, infoNode) -> {
      ObjectNode node = Json.MAPPER.createObjectNode();
      if (statusNode != null) {
        node.set("status", statusNode);
      }
      if (infoNode != null) {
        node.set("info", infoNode);
      }
      return Optional.of(node);
    }).exceptionally(error -> {
      if (ApiErrors.unwrap(error) instanceof ConnectorException e && e.kind() == ConnectorException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw new CompletionException(ApiErrors.unwrap(error));
    });
  }

  private Route create(String body) {
    return reply(() -> {
      CreateConnectorRequest request = CreateConnectorRequest.parse(body);
      return service.create(request.name(), request.config(), request.initialState())
          .thenApply(snapshot -> created(snapshot.name(), ConnectorViews.info(snapshot)));
    });
  }

  private Route putConfig(String name, String body) {
    return reply(() -> {
      var config = Json.config(Json.parse(body), "Request body");
      return service.putConfig(name, config).thenApply(accepted -> accepted.created()
          ? created(name, ConnectorViews.info(accepted.snapshot()))
          : ok(ConnectorViews.info(accepted.snapshot())));
    });
  }

  private CompletionStage<HttpResponse> taskStatus(String name, int task) {
    return service.status(name).thenApply(status -> status.tasks().stream()
        .filter(t -> t.flow().taskId() == task)
        .findFirst()
        .map(t -> ok(ConnectorViews.taskState(t, false)))
        .orElseThrow(() -> new ConnectorException(ConnectorException.Kind.NOT_FOUND,
            "No status found for task " + name + "-" + task)));
  }

  private Route changeTarget(String name, TargetState target, StatusCode answer) {
    return reply(() -> service.changeTarget(name, target).thenApply(snapshot -> Json.empty(answer)));
  }

  /**
   * Without parameters Kafka Connect's plain restart (204). Otherwise 202 with the state before the
   * restart, the restarted connector and tasks shown RESTARTING.
   */
  private CompletionStage<HttpResponse> restart(String name, boolean includeTasks, boolean onlyFailed) {
    if (!includeTasks && !onlyFailed) {
      return service.restart(name, false, false).thenApply(snapshot -> Json.empty(StatusCodes.NO_CONTENT));
    }
    return service.status(name).thenCompose(before -> service.restart(name, includeTasks, onlyFailed)
        .thenApply(after -> {
          boolean connectorRestarting = !onlyFailed || "FAILED".equals(before.connectorState());
          boolean flowsRestart = includeTasks && before.connector().target() == TargetState.RUNNING;
          return HttpResponse.create().withStatus(StatusCodes.ACCEPTED).withEntity(Json.entity(
              ConnectorViews.status(before, connectorRestarting, task -> flowsRestart
                  && (!onlyFailed || "FAILED".equals(task.status().state())))));
        }));
  }

  // ---------------------------------------------------------------- helpers

  /** A sub-resource {@code /<segment>} with an optional trailing slash. */
  private Route resource(String segment, Supplier<Route> inner) {
    return pathPrefix(segment, () -> pathEndOrSingleSlash(inner));
  }

  /** Completes with the call's answer; synchronous throws and failed futures go to {@link ApiErrors}. */
  private Route reply(Supplier<CompletionStage<HttpResponse>> call) {
    return completeWithFuture(ApiErrors.call(call));
  }

  private static HttpResponse ok(JsonNode body) {
    return Json.response(StatusCodes.OK, body);
  }

  /** Kafka Connect's answer to a successful offsets change: {@code {"message":"The offsets ... <how> successfully"}}. */
  private static HttpResponse message(String how) {
    return ok(Json.MAPPER.createObjectNode().put("message",
        "The offsets for this connector have been " + how + " successfully"));
  }

  private static HttpResponse created(String name, JsonNode body) {
    String path = "/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return Json.response(StatusCodes.CREATED, body).addHeader(Location.create(Uri.create(path)));
  }
}
