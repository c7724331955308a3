package dev.ferry.api;

import static dev.ferry.api.ServerApiTest.assertErrorBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The offsets (KIP-875), topics (KIP-558) and task-restart routes without Kafka: shapes, status
 * codes, Connect's refusal of offset changes unless STOPPED, and 400s that name what is wrong in a
 * body. Moving real offsets is proven against real brokers in the integration tests.
 */
@ExtendWith(TestNode.class)
class OffsetsAndTopicsApiTest {

  private static final String STOPPED_FIRST = "Connectors must be in the STOPPED state before their offsets can be "
      + "modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/%s/stop' "
      + "endpoint";

  private final ApiClient api;

  OffsetsAndTopicsApiTest(ApiClient api) {
    this.api = api;
  }

  private String connector(String prefix, String state) {
    String name = Connectors.uniqueName(prefix);
    ApiClient.Reply created = api.post("/connectors", Connectors.createBody(name, Connectors.validConfig(), state));
    assertEquals(201, created.status(), "created: " + created);
    return name;
  }

  private static String offsetsBody(String partition, String offset) {
    return "{\"offsets\":[{\"partition\":" + partition + ",\"offset\":" + offset + "}]}";
  }

  @Test
  void offsetsOfAConnectorWithoutCheckpointsAreAnEmptyList() {
    String name = connector("offsets-empty", "STOPPED");
    ApiClient.Reply reply = api.get("/connectors/" + name + "/offsets");
    assertEquals(200, reply.status(), "GET offsets answers 200: " + reply);
    assertEquals("{\"offsets\":[]}", reply.body(), "ConnectorOffsets with no partitions yet");
    assertErrorBody(api.get("/connectors/no-such-connector/offsets"), 404);
  }

  @Test
  void offsetChangesAreRefusedUnlessTheConnectorIsStopped() {
    String name = connector("offsets-paused", "PAUSED");
    ApiClient.Reply patch = api.send("PATCH", "/connectors/" + name + "/offsets",
        offsetsBody("{\"topic\":\"orders\",\"partition\":0}", "{\"offset\":5}"));
    assertErrorBody(patch, 400);
    assertEquals(STOPPED_FIRST.formatted(name), patch.json().get("message").asText(), "Connect's message on PATCH");

    ApiClient.Reply delete = api.delete("/connectors/" + name + "/offsets");
    assertErrorBody(delete, 400);
    assertEquals(STOPPED_FIRST.formatted(name), delete.json().get("message").asText(), "Connect's message on DELETE");
  }

  @Test
  void resettingAStoppedConnectorAnswersConnectsMessage() {
    String name = connector("offsets-reset", "STOPPED");
    ApiClient.Reply reply = api.delete("/connectors/" + name + "/offsets");
    assertEquals(200, reply.status(), "DELETE offsets of a stopped connector: " + reply);
    assertEquals("{\"message\":\"The offsets for this connector have been reset successfully\"}", reply.body(),
        "Connect's answer");
    assertErrorBody(api.delete("/connectors/no-such-connector/offsets"), 404);
  }

  @Test
  void offsetsOfPartitionsTheConnectorHasNoFlowForAreRefused() {
    String name = connector("offsets-unknown", "STOPPED");
    ApiClient.Reply reply = api.send("PATCH", "/connectors/" + name + "/offsets",
        offsetsBody("{\"cluster\":\"127.0.0.1:1\",\"topic\":\"orders\",\"partition\":7}", "{\"offset\":5}"));
    assertErrorBody(reply, 400);
    assertTrue(reply.json().get("message").asText().contains("orders-7"), "names the partition: " + reply);

    ApiClient.Reply otherCluster = api.send("PATCH", "/connectors/" + name + "/offsets",
        offsetsBody("{\"cluster\":\"elsewhere:9092\",\"topic\":\"orders\",\"partition\":0}", "{\"offset\":5}"));
    assertErrorBody(otherCluster, 400);
    assertTrue(otherCluster.json().get("message").asText().contains("elsewhere:9092"),
        "names the wrong cluster: " + otherCluster);
  }

  @Test
  void malformedOffsetBodiesAre400NamingTheProblem() {
    String name = connector("offsets-bad", "STOPPED");
    String path = "/connectors/" + name + "/offsets";
    assertBadBody(path, "{}", "Partitions / offsets need to be provided");
    assertBadBody(path, "{\"offsets\":[]}", "Partitions / offsets need to be provided");
    assertBadBody(path, "{\"offsets\":{}}", "\"offsets\" must be a list");
    assertBadBody(path, offsetsBody("{\"partition\":0}", "{\"offset\":1}"), "offsets[0].partition.topic");
    assertBadBody(path, offsetsBody("{\"topic\":\"orders\",\"partition\":-1}", "{\"offset\":1}"),
        "offsets[0].partition.partition must be a non-negative integer");
    assertBadBody(path, offsetsBody("{\"topic\":\"orders\",\"partition\":0}", "{\"offset\":\"12\"}"),
        "offsets[0].offset.offset must be a non-negative integer");
    assertBadBody(path, offsetsBody("{\"topic\":\"orders\",\"partition\":0}", "{\"position\":1}"),
        "unknown key \"position\"");
    assertBadBody(path, offsetsBody("{\"topic\":\"orders\",\"partition\":0,\"kafka_topic\":\"x\"}", "{\"offset\":1}"),
        "unknown key \"kafka_topic\"");
    assertBadBody(path, "{\"offsets\":[{\"partition\":{\"topic\":\"t\",\"partition\":0},\"offset\":{\"offset\":1}},"
        + "{\"partition\":{\"topic\":\"t\",\"partition\":0},\"offset\":null}]}", "repeats partition t-0");
    assertBadBody(path, "{\"offsets\":", "not valid JSON");
  }

  private void assertBadBody(String path, String body, String expected) {
    ApiClient.Reply reply = api.send("PATCH", path, body);
    assertErrorBody(reply, 400);
    assertTrue(reply.json().get("message").asText().contains(expected),
        "PATCH " + body + " is refused saying '" + expected + "': " + reply);
  }

  @Test
  void topicsAreListedUnderTheConnectorNameAndResetAnswers202() {
    String name = connector("topics", "PAUSED");
    ApiClient.Reply topics = api.get("/connectors/" + name + "/topics");
    assertEquals(200, topics.status(), "GET topics: " + topics);
    JsonNode body = topics.json();
    assertTrue(body.path(name).path("topics").isArray(), "{\"<name>\":{\"topics\":[...]}}: " + body);
    assertEquals(0, body.path(name).path("topics").size(), "no flow has run, so no topic is used: " + body);

    ApiClient.Reply reset = api.put("/connectors/" + name + "/topics/reset", null);
    assertEquals(202, reset.status(), "PUT topics/reset answers 202: " + reset);
    assertErrorBody(api.get("/connectors/no-such-connector/topics"), 404);
    assertErrorBody(api.put("/connectors/no-such-connector/topics/reset", null), 404);
  }

  @Test
  void restartingAnUnknownTaskIs404() {
    String name = connector("task-restart", "PAUSED");
    ApiClient.Reply unknownTask = api.post("/connectors/" + name + "/tasks/0/restart", null);
    assertErrorBody(unknownTask, 404);
    assertEquals("Unknown task: " + name + "-0", unknownTask.json().get("message").asText(), "Connect's message");
    assertErrorBody(api.post("/connectors/no-such-connector/tasks/0/restart", null), 404);
  }
}
