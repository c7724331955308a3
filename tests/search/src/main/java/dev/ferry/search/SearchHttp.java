package dev.ferry.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The tests' own view of a search server, through the JDK's HTTP client (independent of the
 * connector's REST client): counts, documents, searches, index set-up and clean-up.
 */
public final class SearchHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A client of the server at {@code url}. */
  public SearchHttp(String url) {
    this.url = url;
  }

  /** An answer: status and parsed body (null when not JSON). */
  public record Answer(int status, JsonNode json, String body) {}

  /** Whether {@code GET /} answers 200. */
  public boolean answers() {
    try {
      return send("GET", "/", null, Duration.ofSeconds(2)).status() == 200;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Whether the server answers HTTP at all (some distributions close {@code GET /}). */
  public boolean answersAnything() {
    try {
      return send("GET", "/_cluster/health", null, Duration.ofSeconds(2)).status() == 200;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Documents in {@code index} after a refresh; -1 when the index does not exist. */
  public long count(String index) {
    send("POST", "/" + index + "/_refresh", null, Duration.ofSeconds(30));
    Answer answer = send("GET", "/" + index + "/_count", null, Duration.ofSeconds(30));
    return answer.status() == 404 ? -1 : answer.json().path("count").asLong();
  }

  /** The document (its {@code _source}, {@code _version}...), or null when missing. */
  public JsonNode document(String index, String id) {
    Answer answer = send("GET", "/" + index + "/_doc/" + id, null, Duration.ofSeconds(30));
    return answer.status() == 404 ? null : answer.json();
  }

  /** A search; the parsed answer. */
  public JsonNode search(String index, String body) {
    return send("POST", "/" + index + "/_search", body, Duration.ofSeconds(30)).json();
  }

  /** Sends any request. */
  public Answer send(String method, String path, String body, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = response.body().isBlank() ? null : JSON.readTree(response.body());
      } catch (IOException notJson) {
        json = null;
      }
      return new Answer(response.statusCode(), json, response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " on " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Deletes an index (or data stream) if present. */
  public void deleteIndex(String index) {
    send("DELETE", "/" + index, null, Duration.ofSeconds(30));
  }

  /** Creates an index with a body (mappings, settings); fails unless 200. */
  public void createIndex(String index, String body) {
    Answer answer = send("PUT", "/" + index, body, Duration.ofSeconds(30));
    if (answer.status() != 200) {
      throw new IllegalStateException("PUT /" + index + " answered " + answer.status() + ": " + answer.body());
    }
  }
}
