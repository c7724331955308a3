package dev.ferry.api;

import static dev.ferry.api.ServerApiTest.assertErrorBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bad input answers with the right status and a message that says what is wrong, and leaves
 * nothing behind: 400 for invalid bodies and configs, 409 for duplicates, 404 for unknown connectors.
 */
@ExtendWith(TestNode.class)
class ConnectorBadRequestApiTest {

  private final ApiClient api;

  ConnectorBadRequestApiTest(ApiClient api) {
    this.api = api;
  }

  @Test
  void malformedJsonAnswers400SayingTheBodyIsNotJson() {
    ApiClient.Reply reply = api.post("/connectors", "{\"name\": \"x\", \"config\": {");
    assertErrorBody(reply, 400);
    assertTrue(message(reply).startsWith("Request body is not valid JSON"), "says the body is not JSON: " + reply);
  }

  @Test
  void emptyBodyAnswers400() {
    ApiClient.Reply reply = api.post("/connectors", "");
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("empty"), "says the body is empty: " + reply);
  }

  @Test
  void bodyThatIsNotAnObjectAnswers400() {
    assertErrorBody(api.post("/connectors", "[1, 2]"), 400);
  }

  @Test
  void configThatIsNotAnObjectAnswers400() {
    ApiClient.Reply reply = api.post("/connectors", "{\"name\": \"x\", \"config\": \"connector.class=Foo\"}");
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("\"config\" must be a JSON object"), "says config must be an object: " + reply);
  }

  @Test
  void missingConfigAnswers400() {
    ApiClient.Reply reply = api.post("/connectors", "{\"name\": \"x\"}");
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("\"config\""), "names the missing config: " + reply);
  }

  @Test
  void configValueThatIsAnObjectAnswers400NamingTheKey() {
    ObjectNode config = Connectors.validConfig();
    config.putObject("topic.whitelist").put("a", "b");
    ApiClient.Reply reply = api.post("/connectors", Connectors.createBody(Connectors.uniqueName("nested"), config));
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("\"topic.whitelist\"") && message(reply).contains("must be a string"),
        "names the key and the expected type: " + reply);
  }

  @Test
  void missingConnectorClassAnswers400() {
    ObjectNode config = Connectors.validConfig();
    config.remove("connector.class");
    ApiClient.Reply reply = api.post("/connectors", Connectors.createBody(Connectors.uniqueName("noclass"), config));
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("connector.class"), "names connector.class: " + reply);
  }

  @Test
  void unknownConnectorClassAnswers400NamingIt() {
    ObjectNode config = Connectors.validConfig();
    config.put("connector.class", "com.example.NoSuchConnector");
    ApiClient.Reply reply = api.post("/connectors", Connectors.createBody(Connectors.uniqueName("unknown"), config));
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("com.example.NoSuchConnector"), "names the unknown class: " + reply);
  }

  @Test
  void missingSourceBootstrapServersAnswers400NamingTheKey() {
    ObjectNode config = Connectors.validConfig();
    config.remove("src.kafka.bootstrap.servers");
    String name = Connectors.uniqueName("nosource");
    ApiClient.Reply reply = api.post("/connectors", Connectors.createBody(name, config));
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("src.kafka.bootstrap.servers"), "names the key: " + reply);
    assertTrue(message(reply).startsWith("Connector configuration is invalid and contains the following 1 error(s)"),
        "uses Kafka Connect's wording: " + reply);
    assertErrorBody(api.get("/connectors/" + name), 404);
  }

  @Test
  void invalidTopicRegexAnswers400NamingTopicRegex() {
    ObjectNode config = Connectors.validConfig();
    config.put("topic.regex", "orders(");
    ApiClient.Reply reply = api.post("/connectors", Connectors.createBody(Connectors.uniqueName("regex"), config));
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("topic.regex"), "names topic.regex: " + reply);
  }

  @Test
  void nameInConfigThatDiffersFromTheBodyAnswers400() {
    ObjectNode config = Connectors.validConfig();
    config.put("name", "other");
    ApiClient.Reply reply = api.post("/connectors", Connectors.createBody(Connectors.uniqueName("mismatch"), config));
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("doesn't match"), "says the names differ: " + reply);
  }

  @Test
  void nameInConfigThatDiffersFromTheUrlAnswers400() {
    ObjectNode config = Connectors.validConfig();
    config.put("name", "other");
    ApiClient.Reply reply = api.put("/connectors/" + Connectors.uniqueName("urlmismatch") + "/config", config.toString());
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("doesn't match connector name in the URL"), "says the names differ: " + reply);
  }

  @Test
  void invalidInitialStateAnswers400NamingTheValue() {
    ApiClient.Reply reply = api.post("/connectors",
        Connectors.createBody(Connectors.uniqueName("state"), Connectors.validConfig(), "SLEEPING"));
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("SLEEPING"), "names the value: " + reply);
  }

  @Test
  void putConfigWithAFlatBodyThatIsNotJsonAnswers400() {
    ApiClient.Reply reply = api.put("/connectors/" + Connectors.uniqueName("flat") + "/config", "connector.class=x");
    assertErrorBody(reply, 400);
    assertTrue(message(reply).startsWith("Request body is not valid JSON"), "says the body is not JSON: " + reply);
  }

  @Test
  void nameWithControlCharactersAnswers400() {
    ApiClient.Reply reply = api.get("/connectors/bad%01name");
    assertErrorBody(reply, 400);
    assertTrue(message(reply).contains("control characters"), "says what is wrong with the name: " + reply);
  }

  @Test
  void duplicateCreateAnswers409() {
    String name = Connectors.uniqueName("dup");
    String body = Connectors.createBody(name, Connectors.validConfig(), "PAUSED");
    assertEquals(201, api.post("/connectors", body).status(), "the first create succeeds");
    ApiClient.Reply reply = api.post("/connectors", body);
    assertErrorBody(reply, 409);
    assertEquals("Connector " + name + " already exists", message(reply), "Kafka Connect's message");
  }

  @Test
  void unknownConnectorAnswers404OnEveryConnectorEndpoint() {
    String name = Connectors.uniqueName("ghost");
    String expected = "Connector " + name + " not found";
    ApiClient.Reply[] replies = {
        api.get("/connectors/" + name),
        api.get("/connectors/" + name + "/config"),
        api.get("/connectors/" + name + "/status"),
        api.get("/connectors/" + name + "/tasks"),
        api.put("/connectors/" + name + "/pause", ""),
        api.put("/connectors/" + name + "/resume", ""),
        api.put("/connectors/" + name + "/stop", ""),
        api.post("/connectors/" + name + "/restart", ""),
        api.delete("/connectors/" + name),
    };
    for (ApiClient.Reply reply : replies) {
      assertErrorBody(reply, 404);
      assertEquals(expected, message(reply), "Kafka Connect's message");
    }
    assertTrue(!api.get("/connectors").json().toString().contains(name), "a 404 leaves no connector behind");
  }

  @Test
  void unknownTaskAnswers404() {
    String name = Connectors.uniqueName("notask");
    assertEquals(201, api.post("/connectors", Connectors.createBody(name, Connectors.validConfig(), "PAUSED")).status(),
        "the connector is created");
    ApiClient.Reply reply = api.get("/connectors/" + name + "/tasks/7/status");
    assertErrorBody(reply, 404);
    assertTrue(message(reply).contains(name + "-7"), "names the task: " + reply);
  }

  private static String message(ApiClient.Reply reply) {
    return reply.json().get("message").asText();
  }
}
