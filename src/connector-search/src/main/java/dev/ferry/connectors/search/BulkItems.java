package dev.ferry.connectors.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of a {@code _bulk} answer that did not simply succeed, in request order. A bulk answer
 * starts with {@code "took"} and {@code "errors"}; when {@code errors} is false nothing else is
 * read, so a successful bulk of thousands of documents costs a few tokens to check.
 */
final class BulkItems {

  /**
   * One item that did not succeed with 2xx.
   *
   * @param position its position in the request
   * @param status   its HTTP status
   * @param type     the error type ({@code mapper_parsing_exception}...), or "" (a delete of a missing document)
   * @param reason   the server's reason, with its cause
   */
  record Failed(int position, int status, String type, String reason) {}

  private BulkItems() {}

  /** The failed items of {@code body}, or none when the server says there are no errors. */
  static List<Failed> failures(ObjectMapper json, byte[] body) throws IOException {
    try (JsonParser parser = json.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a _bulk answer must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("errors")) {
          if (!parser.getValueAsBoolean()) {
            return List.of();
          }
        } else if (field.equals("items")) {
          return items(json, parser);
        } else {
          parser.skipChildren();
        }
      }
    }
    throw new IOException("a _bulk answer with errors must list its items");
  }

  private static List<Failed> items(ObjectMapper json, JsonParser parser) throws IOException {
    List<Failed> failed = new ArrayList<>();
    int position = 0;
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      JsonNode item = json.readTree(parser);
      JsonNode result = item.elements().hasNext() ? item.elements().next() : item;
      int status = result.path("status").asInt(0);
      if (status < 200 || status >= 300) {
        JsonNode error = result.path("error");
        failed.add(new Failed(position, status, error.path("type").asText(""), reason(error)));
      }
      position++;
    }
    return failed;
  }

  private static String reason(JsonNode error) {
    if (error.isMissingNode()) {
      return "";
    }
    StringBuilder text = new StringBuilder(error.path("type").asText("")).append(": ").append(error.path("reason").asText(""));
    JsonNode cause = error.path("caused_by");
    if (!cause.isMissingNode()) {
      text.append(" (caused by ").append(cause.path("type").asText("")).append(": ").append(cause.path("reason").asText(""))
          .append(')');
    }
    return text.toString();
  }
}
