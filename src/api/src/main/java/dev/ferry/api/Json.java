package dev.ferry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;

/**
 * Request bodies in, response bodies out. Bodies are read as text and parsed here, so a malformed
 * or wrongly shaped body answers 400 with a message that says what is wrong; config values that are
 * numbers or booleans are turned into strings, as Kafka Connect does.
 */
final class Json {

  /** The one mapper of the API; floats keep their trailing zeros when turned into config strings. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private Json() {}

  /** Parses a request body; a 400 {@code ConnectorException} if it is empty or not JSON. */
  static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw ApiErrors.badRequest("Request body is empty: expected a JSON object");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      // Jackson names the (redacted) source in nested locations; the line and column are what helps.
      String reason = e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; ", "[");
      throw ApiErrors.badRequest("Request body is not valid JSON: " + reason + where);
    }
  }

  /**
   * A flat connector config from a JSON object. Strings are kept, numbers and booleans become
   * their JSON text; null, arrays and objects are refused naming the key.
   *
   * @param what how the message names the object, e.g. {@code Request body} or {@code "config"}
   */
  static Map<String, String> config(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw ApiErrors.badRequest(what + " must be a JSON object of config keys to string values, but is "
          + describe(node));
    }
    Map<String, String> config = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isTextual()) {
        config.put(field.getKey(), value.textValue());
      } else if (value.isNumber() || value.isBoolean()) {
        config.put(field.getKey(), value.asText());
      } else {
        throw ApiErrors.badRequest("Config value of \"" + field.getKey() + "\" in " + what
            + " must be a string, but is " + describe(value));
      }
    }
    return config;
  }

  /**
   * A config patch (PATCH /config) from a JSON object: like {@link #config}, but a null value is
   * kept as null, meaning "remove this key".
   */
  static Map<String, String> configPatch(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw ApiErrors.badRequest("Request body must be a JSON object of config keys to string values (null removes "
          + "a key), but is " + describe(node));
    }
    Map<String, String> patch = new java.util.HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        patch.put(field.getKey(), null);
      } else {
        // One key at a time through config(), so values are checked and converted the same way.
        patch.putAll(config(MAPPER.createObjectNode().set(field.getKey(), field.getValue()), "Request body"));
      }
    }
    return patch;
  }

  /** How a message names the JSON type of a node. */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case BINARY -> "binary";
      case NULL, MISSING -> "null";
    };
  }

  /** A JSON response entity. */
  static HttpEntity.Strict entity(JsonNode body) {
    try {
      return HttpEntities.create(ContentTypes.APPLICATION_JSON, MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render a response body: " + e.getOriginalMessage(), e);
    }
  }

  /** A response with a JSON body. */
  static HttpResponse response(StatusCode status, JsonNode body) {
    return HttpResponse.create().withStatus(status).withEntity(entity(body));
  }

  /** A response without a body (202 and 204 answers). */
  static HttpResponse empty(StatusCode status) {
    return HttpResponse.create().withStatus(status);
  }
}
