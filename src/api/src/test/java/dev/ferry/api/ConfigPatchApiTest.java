package dev.ferry.api;

import static dev.ferry.api.ServerApiTest.assertErrorBody;
import static dev.ferry.api.ServerApiTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code PATCH /connectors/{name}/config}: keys are merged into the stored config, a null value
 * removes its key, the answer is ConnectorInfo; an unknown connector is 404 and a patch that makes
 * the config invalid is 400 and changes nothing.
 */
@ExtendWith(TestNode.class)
class ConfigPatchApiTest {

  private final ApiClient api;

  ConfigPatchApiTest(ApiClient api) {
    this.api = api;
  }

  private String pausedConnector(String prefix) {
    String name = Connectors.uniqueName(prefix);
    ObjectNode config = Connectors.validConfig();
    config.put("topic.blacklist", "secret");
    ApiClient.Reply created = api.post("/connectors", Connectors.createBody(name, config, "PAUSED"));
    assertEquals(201, created.status(), "created: " + created);
    return name;
  }

  @Test
  void patchMergesKeysAndANullValueRemovesItsKey() {
    String name = pausedConnector("patch");
    ApiClient.Reply reply = api.send("PATCH", "/connectors/" + name + "/config",
        "{\"topic.blacklist\":null,\"topic.whitelist\":\"orders,payments\",\"tasks.max\":2}");

    assertEquals(200, reply.status(), "PATCH answers 200: " + reply);
    JsonNode info = reply.json();
    assertEquals(List.of("name", "config", "tasks", "type"), fieldNames(info), "ConnectorInfo fields: " + info);
    JsonNode config = api.get("/connectors/" + name + "/config").json();
    assertFalse(config.has("topic.blacklist"), "null removed topic.blacklist: " + config);
    assertEquals("orders,payments", config.path("topic.whitelist").asText(), "changed key: " + config);
    assertEquals("2", config.path("tasks.max").asText(), "added key, as a string: " + config);
    assertEquals("127.0.0.1:1", config.path("src.kafka.bootstrap.servers").asText(), "untouched key kept: " + config);
    assertEquals(name, config.path("name").asText(), "the name stays in the config: " + config);
    assertEquals(config, info.get("config"), "the answer shows the merged config");
  }

  @Test
  void patchOfAnUnknownConnectorIs404() {
    ApiClient.Reply reply = api.send("PATCH", "/connectors/no-such-connector/config", "{\"tasks.max\":\"1\"}");
    assertErrorBody(reply, 404);
    assertEquals("Connector no-such-connector not found", reply.json().get("message").asText(), "Connect's message");
  }

  @Test
  void patchThatRemovesARequiredKeyIs400AndChangesNothing() {
    String name = pausedConnector("patch-invalid");
    JsonNode before = api.get("/connectors/" + name + "/config").json();
    ApiClient.Reply reply = api.send("PATCH", "/connectors/" + name + "/config",
        "{\"src.kafka.bootstrap.servers\":null}");

    assertErrorBody(reply, 400);
    assertTrue(reply.json().get("message").asText().contains("src.kafka.bootstrap.servers"),
        "the message names the missing key: " + reply);
    assertEquals(before, api.get("/connectors/" + name + "/config").json(), "the config is unchanged");
  }

  @Test
  void badPatchBodiesAre400NamingTheProblem() {
    String name = pausedConnector("patch-bad");
    String path = "/connectors/" + name + "/config";
    ApiClient.Reply malformed = api.send("PATCH", path, "{\"tasks.max\":");
    assertErrorBody(malformed, 400);
    assertTrue(malformed.json().get("message").asText().contains("not valid JSON"), "malformed JSON: " + malformed);

    ApiClient.Reply list = api.send("PATCH", path, "[1,2]");
    assertErrorBody(list, 400);
    assertTrue(list.json().get("message").asText().contains("JSON object"), "not an object: " + list);

    ApiClient.Reply nested = api.send("PATCH", path, "{\"topic.whitelist\":[\"a\"]}");
    assertErrorBody(nested, 400);
    assertTrue(nested.json().get("message").asText().contains("topic.whitelist"), "names the key: " + nested);

    ApiClient.Reply rename = api.send("PATCH", path, "{\"name\":\"other\"}");
    assertErrorBody(rename, 400);
    assertTrue(rename.json().get("message").asText().contains("doesn't match"), "name mismatch: " + rename);
  }
}
