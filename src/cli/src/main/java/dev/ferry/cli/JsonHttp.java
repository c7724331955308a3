package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * JSON over HTTP to one endpoint of a node (its REST API or its management endpoint): one request
 * at a time, answers as JSON trees. A status of 400 or more becomes the caller's
 * {@link ApiException}, an endpoint that does not answer a {@link NodeUnreachableException} that
 * says which setting points the CLI elsewhere.
 */
final class JsonHttp {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final String baseUrl;
  private final Duration timeout;
  private final String setting;
  private final HttpClient http;

  /**
   * @param baseUrl the endpoint, e.g. {@code http://127.0.0.1:8083}
   * @param timeout how long to wait for each answer
   * @param setting the flag and variable that choose this endpoint, for the unreachable message
   */
  JsonHttp(String baseUrl, Duration timeout, String setting) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.setting = setting;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
  }

  String baseUrl() {
    return baseUrl;
  }

  /**
   * One request; answers the body as JSON, empty when there is none.
   *
   * @param body        the request body, {@code null} for none
   * @param contentType the body's media type
   * @param refusal     the exception for an error status, from the status and the node's message
   */
  Optional<JsonNode> send(String method, String path, String body, String contentType,
                          BiFunction<Integer, String, ApiException> refusal) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response = exchange(request.build());
    if (response.statusCode() >= 400) {
      throw refusal.apply(response.statusCode(), errorMessage(response));
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
      throw unreachable("no connection within " + CONNECT_TIMEOUT.toSeconds() + "s", e);
    } catch (HttpTimeoutException e) {
      throw unreachable("no answer within " + timeout.toSeconds() + "s", e);
    } catch (ConnectException e) {
      throw unreachable(unresolved(e) ? "unknown host" : "connection refused", e);
    } catch (IOException e) {
      throw unreachable(unresolved(e) ? "unknown host" : describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + baseUrl, e);
    }
  }

  private NodeUnreachableException unreachable(String reason, Throwable cause) {
    return new NodeUnreachableException(baseUrl, reason, setting, cause);
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

  /** The {@code "message"} of a JSON error body (Connect's and Pekko Management's), else the body, else the status. */
  private static String errorMessage(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body().strip();
    try {
      JsonNode message = Json.parse(body).get("message");
      if (message != null && message.isTextual()) {
        return message.textValue();
      }
    } catch (JsonProcessingException notJson) {
      // Not a JSON error body (e.g. a proxy's page): show what came back instead.
    }
    return body.isEmpty() ? "HTTP " + response.statusCode() : abbreviate(body);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
