package dev.ferry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.engine.connector.ConnectorException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.pattern.AskTimeoutException;
import org.junit.jupiter.api.Test;

/** The one mapping from failures to HTTP answers. */
class ApiErrorsTest {

  @Test
  void refusalKindsMapToTheirStatuses() {
    assertEquals(404, status(new ConnectorException(ConnectorException.Kind.NOT_FOUND, "x")), "NOT_FOUND");
    assertEquals(409, status(new ConnectorException(ConnectorException.Kind.ALREADY_EXISTS, "x")), "ALREADY_EXISTS");
    assertEquals(409, status(new ConnectorException(ConnectorException.Kind.CONFLICT, "x")), "CONFLICT");
    assertEquals(400, status(new ConnectorException(ConnectorException.Kind.BAD_REQUEST, "x")), "BAD_REQUEST");
    assertEquals(400, status(new ConnectorConfigException(List.of("bad"))), "invalid config");
  }

  @Test
  void wrappedFailuresAreUnwrappedBeforeMapping() {
    JsonNode body = body(ApiErrors.toResponse(new CompletionException(
        new ConnectorException(ConnectorException.Kind.NOT_FOUND, "Connector a not found"))));
    assertEquals(404, body.get("error_code").asInt(), "status of the cause: " + body);
    assertEquals("Connector a not found", body.get("message").asText(), "message of the cause: " + body);
  }

  @Test
  void askTimeoutAnswers500SayingTheClusterDidNotAnswerInTime() {
    HttpResponse response = ApiErrors.toResponse(new CompletionException(new AskTimeoutException("Ask timed out")));
    assertEquals(500, response.status().intValue(), "a timeout is a 500");
    assertTrue(body(response).get("message").asText().contains("did not answer in time"),
        "the message says the cluster did not answer in time: " + body(response));
  }

  @Test
  void unexpectedFailureAnswers500WithItsMessageAndNoStackTrace() {
    JsonNode body = body(ApiErrors.toResponse(new IllegalStateException("journal unavailable")));
    assertEquals(500, body.get("error_code").asInt(), "unexpected failures are 500: " + body);
    assertEquals("journal unavailable", body.get("message").asText(), "the exception's message: " + body);
    assertFalse(body.toString().contains("at dev.ferry"), "no stack trace: " + body);
  }

  @Test
  void requestBodyOverTheSizeLimitAnswers413() {
    assertEquals(413, status(new EntityStreamSizeException(10, scala.Option.apply(20L))), "too large a body");
  }

  @Test
  void failureWithoutAMessageIsNamedByItsType() {
    JsonNode body = body(ApiErrors.toResponse(new NullPointerException()));
    assertEquals("NullPointerException", body.get("message").asText(), "the type names the failure: " + body);
  }

  @Test
  void synchronousThrowsBecomeFailedStages() {
    var stage = ApiErrors.call(() -> {
      throw new ConnectorException(ConnectorException.Kind.BAD_REQUEST, "Connector name is empty");
    });
    assertTrue(stage.toCompletableFuture().isCompletedExceptionally(), "a throw fails the stage");
  }

  private static int status(Throwable error) {
    return ApiErrors.toResponse(error).status().intValue();
  }

  private static JsonNode body(HttpResponse response) {
    assertTrue(response.entity() instanceof HttpEntity.Strict, "error bodies are strict");
    try {
      return Json.MAPPER.readTree(((HttpEntity.Strict) response.entity()).getData().utf8String());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response, e);
    }
  }
}
