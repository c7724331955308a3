package dev.ferry.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.TargetState;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code POST /connectors}: {@code {"name","config":{...},"initial_state"?}}.
 *
 * <p>As in Kafka Connect the name is trimmed and {@code initial_state} is case-insensitive and
 * defaults to RUNNING. When the body has no {@code name}, the config's {@code name} is used.
 *
 * @param name         connector name
 * @param config       flat connector config
 * @param initialState RUNNING, PAUSED or STOPPED
 */
record CreateConnectorRequest(String name, Map<String, String> config, TargetState initialState) {

  /** Parses and checks a request body; a 400 {@code ConnectorException} says what is wrong. */
  static CreateConnectorRequest parse(String body) {
    JsonNode root = Json.parse(body);
    if (!root.isObject()) {
      throw ApiErrors.badRequest("Request body must be a JSON object {\"name\":...,\"config\":{...}}, but is "
          + Json.describe(root));
    }
    JsonNode configNode = root.get("config");
    if (configNode == null || configNode.isNull()) {
      throw ApiErrors.badRequest("Request body has no \"config\": expected {\"name\":...,\"config\":{...}}");
    }
    Map<String, String> config = Json.config(configNode, "\"config\"");
    return new CreateConnectorRequest(name(root.get("name"), config), config, initialState(root.get("initial_state")));
  }

  private static String name(JsonNode node, Map<String, String> config) {
    if (node == null || node.isNull()) {
      String fromConfig = config.get("name");
      if (fromConfig == null || fromConfig.isBlank()) {
        throw ApiErrors.badRequest("Connector name is missing: set \"name\" in the request body");
      }
      return fromConfig.trim();
    }
    if (!node.isTextual()) {
      throw ApiErrors.badRequest("\"name\" must be a string, but is " + Json.describe(node));
    }
    return node.textValue().trim();
  }

  private static TargetState initialState(JsonNode node) {
    if (node == null || node.isNull()) {
      return TargetState.RUNNING;
    }
    String value = node.isTextual() ? node.textValue() : node.toString();
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "RUNNING" -> TargetState.RUNNING;
      case "PAUSED" -> TargetState.PAUSED;
      case "STOPPED" -> TargetState.STOPPED;
      default -> throw ApiErrors.badRequest("Invalid initial_state " + value
          + ": expected RUNNING, PAUSED or STOPPED");
    };
  }
}
