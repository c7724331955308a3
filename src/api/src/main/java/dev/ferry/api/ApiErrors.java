package dev.ferry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.engine.connector.ConnectorException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Allow;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.http.scaladsl.model.IllegalRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers. Every error body is Kafka Connect's
 * {@code {"error_code":<status>,"message":"..."}}: refusals of the engine ({@link ConnectorException}
 * kinds, invalid configs), bad request bodies, unknown paths (404), wrong methods (405), a cluster
 * that did not answer in time and unexpected failures (500, with the exception's message, never a
 * stack trace). Futures failing with a {@link CompletionException} are unwrapped first.
 */
final class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  /** A 400 {@link ConnectorException} with a message that says what is wrong with the request. */
  static ConnectorException badRequest(String message) {
    return new ConnectorException(ConnectorException.Kind.BAD_REQUEST, message);
  }

  /** Runs a service call so that a synchronous throw (validation) fails the stage instead. */
  static <T> CompletionStage<T> call(Supplier<? extends CompletionStage<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The cause a future failed with, under any {@link CompletionException} wrapping. */
  static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** The HTTP status a failure answers with. */
  static StatusCode statusOf(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof ConnectorException refused) {
      return switch (refused.kind()) {
        case NOT_FOUND -> StatusCodes.NOT_FOUND;
        case ALREADY_EXISTS, CONFLICT -> StatusCodes.CONFLICT;
        case BAD_REQUEST -> StatusCodes.BAD_REQUEST;
        case UNAVAILABLE -> StatusCodes.SERVICE_UNAVAILABLE;
      };
    }
    if (cause instanceof ConnectorConfigException) {
      return StatusCodes.BAD_REQUEST;
    }
    // Failures pekko-http raises while reading a request are the client's, not ours.
    if (cause instanceof EntityStreamSizeException) {
      return StatusCodes.PAYLOAD_TOO_LARGE;
    }
    if (cause instanceof IllegalRequestException illegal) {
      return illegal.status();
    }
    return StatusCodes.INTERNAL_SERVER_ERROR;
  }

  /** The error answer to a failure. */
  static HttpResponse toResponse(Throwable error) {
    Throwable cause = unwrap(error);
    StatusCode status = statusOf(cause);
    String message;
    if (cause instanceof TimeoutException) {
      // Pekko's AskTimeoutException is a TimeoutException: an entity or its shard did not answer.
      message = "The cluster did not answer in time; the request may or may not have taken effect. "
          + "Check the connector and retry. (" + messageOf(cause) + ")";
    } else {
      message = messageOf(cause);
    }
    if (status.intValue() >= 500) {
      LOG.error("Request failed: {}", message, cause);
    }
    return error(status, message);
  }

  /** An error answer with Kafka Connect's body. */
  static HttpResponse error(StatusCode status, String message) {
    return Json.response(status, errorBody(status, message));
  }

  private static ObjectNode errorBody(StatusCode status, String message) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("error_code", status.intValue());
    body.put("message", message);
    return body;
  }

  /**
   * The answer when pekko-http's request timeout ({@code pekko.http.server.request-timeout}) passes
   * before a route answered, e.g. an expanded list whose asks each waited up to the ask timeout.
   */
  static HttpResponse requestTimedOut(HttpRequest request) {
    return error(StatusCodes.INTERNAL_SERVER_ERROR, "The cluster did not answer in time: " + request.method().name()
        + " " + request.getUri().path() + " took longer than the server's request timeout; it may or may not have "
        + "taken effect. Check and retry.");
  }

  /** Turns exceptions thrown by routes, and failed futures they complete with, into error answers. */
  static ExceptionHandler exceptionHandler() {
    AllDirectives d = new AllDirectives() {};
    return ExceptionHandler.newBuilder().matchAny(e -> d.complete(toResponse(e))).build();
  }

  /**
   * Answers rejected requests with error bodies: 404 naming the unknown path, 405 naming the
   * allowed methods, and any other rejection with pekko-http's status and text as the message.
   */
  static RejectionHandler rejectionHandler() {
    AllDirectives d = new AllDirectives() {};
    return RejectionHandler.newBuilder()
        .handleNotFound(d.extractRequest(request -> d.complete(error(StatusCodes.NOT_FOUND,
            "HTTP 404 Not Found: no endpoint " + request.method().name() + " " + request.getUri().path()))))
        .handleAll(MethodRejection.class, rejections -> d.extractRequest(request -> d.complete(error(
            StatusCodes.METHOD_NOT_ALLOWED, methodNotAllowed(request.method().name(), request.getUri().path(),
                rejections)).addHeader(Allow.create(rejections.stream().map(MethodRejection::supported).distinct()
                    .toArray(HttpMethod[]::new))))))
        .build()
        .withFallback(RejectionHandler.defaultHandler().mapRejectionResponse(ApiErrors::asErrorBody));
  }

  private static String methodNotAllowed(String method, String path, List<MethodRejection> rejections) {
    String allowed = rejections.stream().map(r -> r.supported().name()).distinct()
        .collect(Collectors.joining(", "));
    return "HTTP 405 Method Not Allowed: " + method + " is not supported on " + path + " (allowed: " + allowed + ")";
  }

  private static HttpResponse asErrorBody(HttpResponse response) {
    String text = response.entity() instanceof HttpEntity.Strict strict
        ? strict.getData().utf8String().trim() : "";
    if (text.isEmpty()) {
      text = response.status().reason();
    }
    return response.withEntity(Json.entity(errorBody(response.status(), text)));
  }

  private static String messageOf(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
