package dev.ferry.api;

import static dev.ferry.api.ServerApiTest.assertErrorBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /connector-plugins}: the installed types and config validation. */
@ExtendWith(TestNode.class)
class PluginApiTest {

  private static final String REPLICATOR = "dev.ferry.connectors.replicator.FerryReplicatorSourceConnector";
  private static final String VALIDATE = "/connector-plugins/EMRReplicatorSourceConnector/config/validate";

  private final ApiClient api;

  PluginApiTest(ApiClient api) {
    this.api = api;
  }

  @Test
  void connectorPluginsListsTheReplicatorAsASource() {
    ApiClient.Reply reply = api.get("/connector-plugins");
    assertEquals(200, reply.status(), "GET /connector-plugins: " + reply);
    JsonNode replicator = null;
    for (JsonNode plugin : reply.json()) {
      assertEquals(List.of("class", "type", "version"), ServerApiTest.fieldNames(plugin), "PluginInfo fields: " + plugin);
      if (REPLICATOR.equals(plugin.get("class").asText())) {
        replicator = plugin;
      }
    }
    assertNotNull(replicator, "the replicator is listed: " + reply);
    assertEquals("source", replicator.get("type").asText(), "the replicator is a source: " + replicator);
  }

  @Test
  void validateCountsTheErrorsOfABadConfigUnderTheKeysTheyName() {
    ObjectNode config = Connectors.validConfig();
    config.put("name", "bad");
    config.remove("src.kafka.bootstrap.servers");
    config.put("topic.regex", "orders[");
    ApiClient.Reply reply = api.put(VALIDATE, config.toString());

    assertEquals(200, reply.status(), "validate answers 200 even with errors: " + reply);
    JsonNode infos = reply.json();
    assertEquals(List.of("name", "error_count", "groups", "configs"), ServerApiTest.fieldNames(infos),
        "ConfigInfos fields: " + infos);
    assertEquals(REPLICATOR, infos.get("name").asText(), "ConfigInfos name is the plugin class");
    assertEquals(2, infos.get("error_count").asInt(), "two problems: missing source, bad regex: " + infos);
    assertTrue(errorsOf(infos, "src.kafka.bootstrap.servers").get(0).asText().contains("Missing required"),
        "the missing key carries its error: " + infos);
    assertTrue(errorsOf(infos, "topic.regex").get(0).asText().contains("regular expression"),
        "the bad regex carries its error: " + infos);
    JsonNode regexEntry = entry(infos, "topic.regex");
    assertEquals("orders[", regexEntry.get("value").get("value").asText(), "the submitted value is echoed");
    assertEquals(List.of("name", "type", "required", "default_value", "importance", "documentation", "group",
        "order", "width", "display_name", "dependents"), ServerApiTest.fieldNames(regexEntry.get("definition")),
        "definition fields: " + regexEntry);
    assertEquals(List.of("name", "value", "recommended_values", "errors", "visible"),
        ServerApiTest.fieldNames(regexEntry.get("value")), "value fields: " + regexEntry);
  }

  @Test
  void validateFindsNoErrorInAGoodConfig() {
    ObjectNode config = Connectors.validConfig();
    config.put("name", "good");
    ApiClient.Reply reply = api.put(VALIDATE, config.toString());
    assertEquals(200, reply.status(), "validate answers 200: " + reply);
    assertEquals(0, reply.json().get("error_count").asInt(), "a valid config has no error: " + reply);
  }

  @Test
  void validateWithoutANameReportsTheMissingName() {
    ApiClient.Reply reply = api.put(VALIDATE, Connectors.validConfig().toString());
    assertEquals(200, reply.status(), "validate answers 200: " + reply);
    assertEquals(1, reply.json().get("error_count").asInt(), "only the name is missing: " + reply);
    assertEquals(1, errorsOf(reply.json(), "name").size(), "the error is under name: " + reply);
  }

  @Test
  void validateOfAnUnknownPluginAnswers404NamingIt() {
    ApiClient.Reply reply = api.put("/connector-plugins/NoSuchConnector/config/validate",
        Connectors.validConfig().toString());
    assertErrorBody(reply, 404);
    assertTrue(reply.json().get("message").asText().contains("NoSuchConnector"), "names the plugin: " + reply);
  }

  @Test
  void validateOfAConfigNamingAnotherTypeAnswers400() {
    ObjectNode config = Connectors.validConfig();
    config.put("connector.class", "org.example.OtherConnector");
    ApiClient.Reply reply = api.put(VALIDATE, config.toString());
    assertErrorBody(reply, 400);
    assertTrue(reply.json().get("message").asText().contains("does not match"), "says what is wrong: " + reply);
  }

  @Test
  void validateOfMalformedJsonAnswers400() {
    assertErrorBody(api.put(VALIDATE, "{\"name\": "), 400);
  }

  private static JsonNode entry(JsonNode infos, String key) {
    for (JsonNode config : infos.get("configs")) {
      if (key.equals(config.get("definition").get("name").asText())) {
        return config;
      }
    }
    throw new AssertionError("No config entry for " + key + " in " + infos);
  }

  private static JsonNode errorsOf(JsonNode infos, String key) {
    JsonNode errors = entry(infos, key).get("value").get("errors");
    assertTrue(errors.size() > 0, "errors under " + key + ": " + infos);
    return errors;
  }
}
