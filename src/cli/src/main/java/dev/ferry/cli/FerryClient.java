package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The node's Kafka Connect-compatible REST API, one method per call the CLI makes. Answers are JSON
 * trees (so {@code -o json} can print them as they came); an error status becomes an
 * {@link ApiException}, a node that does not answer a {@link NodeUnreachableException}.
 */
public final class FerryClient {

  /** How long to wait for a connection, and then for an answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final String baseUrl;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param baseUrl the node's REST address, e.g. {@code http://127.0.0.1:8083}
   * @param timeout how long to wait for each answer
   */
  public FerryClient(String baseUrl, Duration timeout) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
  }

  /** The node's REST address. */
  public String url() {
    return baseUrl;
  }

  /** {@code GET /connectors?expand=status}: {@code {"<name>":{"status":ConnectorStateInfo}}}. */
  public JsonNode connectorsWithStatus() {
    return send("GET", "/connectors?expand=status", null, null).orElseThrow();
  }

  /** {@code GET /flows[?connector=NAME]}: every flow with its node, offsets and lag. */
  public JsonNode flows(String connector) {
    String path = connector == null ? "/flows"
        : "/flows?connector=" + java.net.URLEncoder.encode(connector, java.nio.charset.StandardCharsets.UTF_8);
    return send("GET", path, null, connector).orElseThrow();
  }

  /** {@code GET /connectors/NAME}: ConnectorInfo. */
  public JsonNode connector(String name) {
    return send("GET", connectorPath(name, ""), null, name).orElseThrow();
  }

  /** {@code GET /connectors/NAME/config}: the flat config. */
  public JsonNode config(String name) {
    return send("GET", connectorPath(name, "/config"), null, name).orElseThrow();
  }

  /** {@code GET /connectors/NAME/status}: ConnectorStateInfo. */
  public JsonNode status(String name) {
    return send("GET", connectorPath(name, "/status"), null, name).orElseThrow();
  }

  /** {@code GET /connectors/NAME/tasks}: a list of TaskInfo. */
  public JsonNode tasks(String name) {
    return send("GET", connectorPath(name, "/tasks"), null, name).orElseThrow();
  }

  /** {@code POST /connectors}: creates a connector and answers its ConnectorInfo. */
  public JsonNode create(ConnectorDefinition definition) {
    return send("POST", "/connectors", Json.pretty(definition), definition.name()).orElseThrow();
  }

  /** {@code PUT /connectors/NAME/config}: replaces the config and answers the ConnectorInfo. */
  public JsonNode putConfig(String name, Map<String, String> config) {
    return send("PUT", connectorPath(name, "/config"), Json.pretty(config), name).orElseThrow();
  }

  /** {@code PUT /connectors/NAME/pause}. */
  public void pause(String name) {
    send("PUT", connectorPath(name, "/pause"), null, name);
  }

  /** {@code PUT /connectors/NAME/resume}. */
  public void resume(String name) {
    send("PUT", connectorPath(name, "/resume"), null, name);
  }

  /** {@code PUT /connectors/NAME/stop}. */
  public void stop(String name) {
    send("PUT", connectorPath(name, "/stop"), null, name);
  }

  /** {@code DELETE /connectors/NAME}. */
  public void delete(String name) {
    send("DELETE", connectorPath(name, ""), null, name);
  }

  /**
   * {@code POST /connectors/NAME/restart}; with either flag the node answers the ConnectorStateInfo
   * showing what restarts, without them nothing.
   */
  public Optional<JsonNode> restart(String name, boolean includeTasks, boolean onlyFailed) {
    String query = includeTasks || onlyFailed
        ? "?includeTasks=" + includeTasks + "&onlyFailed=" + onlyFailed : "";
    return send("POST", connectorPath(name, "/restart") + query, null, name);
  }

  private static String connectorPath(String name, String suffix) {
    return "/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + suffix;
  }

  /**
   * One request. Answers the body as JSON, empty when there is none.
   *
   * @param connector the connector the request is about, for error messages; {@code null} when none
   */
  private Optional<JsonNode> send(String method, String path, String body, String connector) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = exchange(request.build());
    if (response.statusCode() >= 400) {
      throw new ApiException(response.statusCode(), errorMessage(response), connector);
    }
    if (response.body().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.parse(response.body()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(method + " " + path + " answered something that is not JSON: "
          + abbreviate(response.body()), e);
    }
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new NodeUnreachableException(baseUrl, "no connection within " + CONNECT_TIMEOUT.toSeconds() + "s", e);
    } catch (HttpTimeoutException e) {
      throw new NodeUnreachableException(baseUrl, "no answer within " + timeout.toSeconds() + "s", e);
    } catch (ConnectException e) {
      throw new NodeUnreachableException(baseUrl, unresolved(e) ? "unknown host" : "connection refused", e);
    } catch (IOException e) {
      throw new NodeUnreachableException(baseUrl, unresolved(e) ? "unknown host" : describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + baseUrl, e);
    }
  }

  private static boolean unresolved(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(IOException error) {
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }

  /** Kafka Connect's {@code {"error_code","message"}} message, else the body, else the status. */
  private static String errorMessage(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body().strip();
    try {
      JsonNode message = Json.parse(body).get("message");
      if (message != null && message.isTextual()) {
        return message.textValue();
      }
    } catch (JsonProcessingException notJson) {
      // Not Kafka Connect's error body (e.g. a proxy's page): show what came back instead.
    }
    return body.isEmpty() ? "HTTP " + response.statusCode() : abbreviate(body);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
