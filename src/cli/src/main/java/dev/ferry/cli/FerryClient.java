package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
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

  private final JsonHttp http;

  /**
   * @param baseUrl the node's REST address, e.g. {@code http://127.0.0.1:8083}
   * @param timeout how long to wait for each answer
   */
  public FerryClient(String baseUrl, Duration timeout) {
    this.http = new JsonHttp(baseUrl, timeout, "--url or " + NodeAddress.URL_VARIABLE);
  }

  /** The node's REST address. */
  public String url() {
    return http.baseUrl();
  }

  /** {@code GET /connectors?expand=status}: {@code {"<name>":{"status":ConnectorStateInfo}}}. */
  public JsonNode connectorsWithStatus() {
    return send("GET", "/connectors?expand=status", null, null).orElseThrow();
  }

  /** {@code GET /flows[?connector=NAME]}: every flow with its node, offsets and lag. */
  public JsonNode flows(String connector) {
    String path = connector == null ? "/flows"
        : "/flows?connector=" + URLEncoder.encode(connector, StandardCharsets.UTF_8);
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

  /** {@code GET /connectors/NAME/offsets}: {@code {"offsets":[{"partition":{..},"offset":{..}}]}}. */
  public JsonNode offsets(String name) {
    return send("GET", connectorPath(name, "/offsets"), null, name).orElseThrow();
  }

  /** {@code PATCH /connectors/NAME/offsets} with a Connect offsets body; answers {@code {"message":..}}. */
  public JsonNode alterOffsets(String name, JsonNode offsets) {
    return send("PATCH", connectorPath(name, "/offsets"), Json.pretty(offsets), name).orElseThrow();
  }

  /** {@code DELETE /connectors/NAME/offsets}: every flow back to its beginning; answers {@code {"message":..}}. */
  public JsonNode resetOffsets(String name) {
    return send("DELETE", connectorPath(name, "/offsets"), null, name).orElseThrow();
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
    return http.send(method, path, body, "application/json",
        (status, message) -> new ApiException(status, message, connector));
  }
}
