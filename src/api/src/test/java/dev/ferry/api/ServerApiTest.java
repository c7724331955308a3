package dev.ferry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker-level endpoints and what any unknown request gets: always a Kafka Connect error body. */
@ExtendWith(TestNode.class)
class ServerApiTest {

  private final ApiClient api;

  ServerApiTest(ApiClient api) {
    this.api = api;
  }

  @Test
  void rootShowsServerInfoWithTheDefaultTargetAsClusterId() {
    ApiClient.Reply reply = api.get("/");
    assertEquals(200, reply.status(), "GET / answers 200: " + reply);
    JsonNode info = reply.json();
    assertEquals(List.of("version", "commit", "kafka_cluster_id"), fieldNames(info), "ServerInfo fields: " + info);
    assertEquals("0.1.0-ferry", info.get("version").asText(), "version");
    assertEquals("ferry", info.get("commit").asText(), "commit");
    assertEquals("127.0.0.1:1", info.get("kafka_cluster_id").asText(), "kafka_cluster_id is the default target");
    assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"),
        "ServerInfo is JSON: " + reply.headers());
  }

  @Test
  void healthReportsHealthyOnceTheNodeIsUp() {
    ApiClient.Reply reply = api.get("/health");
    assertEquals(200, reply.status(), "GET /health answers 200 on an Up node: " + reply);
    assertEquals("healthy", reply.json().get("status").asText(), "WorkerStatus status: " + reply);
    assertEquals("Worker has completed startup and is ready to handle requests.",
        reply.json().get("message").asText(), "WorkerStatus message: " + reply);
  }

  @Test
  void unknownPathAnswers404WithAnErrorBody() {
    ApiClient.Reply reply = api.get("/no/such/endpoint");
    assertErrorBody(reply, 404);
    assertTrue(reply.json().get("message").asText().contains("/no/such/endpoint"),
        "the message names the path: " + reply);
  }

  @Test
  void unknownSubResourceOfAConnectorAnswers404WithAnErrorBody() {
    assertErrorBody(api.get("/connectors/some-connector/no-such-thing"), 404);
  }

  @Test
  void wrongMethodAnswers405WithAnErrorBodyAndTheAllowedMethods() {
    ApiClient.Reply reply = api.delete("/connector-plugins");
    assertErrorBody(reply, 405);
    assertTrue(reply.json().get("message").asText().contains("GET"), "the message names the allowed method: " + reply);
    assertEquals("GET", reply.header("Allow").orElse(""), "Allow header: " + reply.headers());
  }

  @Test
  void malformedQueryParameterAnswers400WithAnErrorBody() {
    ApiClient.Reply reply = api.post("/connectors/any/restart?includeTasks=perhaps", "");
    assertErrorBody(reply, 400);
    assertTrue(reply.json().get("message").asText().contains("includeTasks"),
        "the message names the parameter: " + reply);
  }

  /** Asserts the status and that the body is exactly {@code {"error_code","message"}}. */
  static void assertErrorBody(ApiClient.Reply reply, int status) {
    assertEquals(status, reply.status(), "status of " + reply);
    JsonNode body = reply.json();
    assertEquals(List.of("error_code", "message"), fieldNames(body), "error body fields: " + reply);
    assertEquals(status, body.get("error_code").asInt(), "error_code equals the status: " + reply);
    assertTrue(body.get("message").isTextual() && !body.get("message").asText().isBlank(),
        "the error has a message: " + reply);
    assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"),
        "error bodies are JSON: " + reply.headers());
  }

  static List<String> fieldNames(JsonNode node) {
    return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
  }
}
