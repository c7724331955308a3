package dev.ferry.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for Ferry's Kafka Connect-compatible API, as a Connect user's script would call it. */
public final class ConnectClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: status code, raw body, and the body parsed as JSON (null when empty or not JSON). */
  public record Response(int status, String body, JsonNode json) {
    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  /** A client for the API at {@code baseUrl} (e.g. {@code http://127.0.0.1:8083}). */
  public ConnectClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** GET path. */
  public Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** DELETE path. */
  public Response delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  /** POST a JSON body (a Map/record/JsonNode, or a raw String sent as it is). */
  public Response post(String path, Object body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text(body))));
  }

  /** PUT a JSON body (or none when {@code body} is null). */
  public Response put(String path, Object body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text(body))));
  }

  /** PATCH a JSON body (a Map/record/JsonNode, or a raw String sent as it is). */
  public Response patch(String path, Object body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(text(body))));
  }

  /** Creates a connector with POST /connectors and checks for 201. */
  public Response create(String name, Map<String, String> config) {
    Response r = post("/connectors", Map.of("name", name, "config", config));
    if (r.status() != 201) {
      throw new AssertionError("POST /connectors for " + name + " answered " + r);
    }
    return r;
  }

  /** The connector's state from /status ("RUNNING", "FAILED", ...). */
  public String connectorState(String name) {
    return get("/connectors/" + name + "/status").json().path("connector").path("state").asText();
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String text(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      if (!r.body().isBlank()) {
        try {
          json = JSON.readTree(r.body());
        } catch (IOException notJson) {
          json = null;
        }
      }
      return new Response(r.statusCode(), r.body(), json);
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
