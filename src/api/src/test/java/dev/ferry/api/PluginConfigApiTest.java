package dev.ferry.api;

import static dev.ferry.api.ServerApiTest.assertErrorBody;
import static dev.ferry.api.ServerApiTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /connector-plugins/{plugin}/config} lists the type's keys as Connect 3.x's ConfigKeyInfo,
 * and {@code PUT .../config/validate} files each problem under its key with the key's definition.
 */
@ExtendWith(TestNode.class)
class PluginConfigApiTest {

  private static final List<String> KEY_INFO_FIELDS = List.of("name", "type", "required", "default_value",
      "importance", "documentation", "group", "order", "width", "display_name", "dependents");

  private final ApiClient api;

  PluginConfigApiTest(ApiClient api) {
    this.api = api;
  }

  @Test
  void pluginConfigListsTheReplicatorKeysAsConfigKeyInfo() {
    ApiClient.Reply reply = api.get("/connector-plugins/dev.ferry.connectors.replicator.FerryReplicatorSourceConnector/config");
    assertEquals(200, reply.status(), "GET plugin config: " + reply);
    JsonNode keys = reply.json();
    assertTrue(keys.isArray() && keys.size() > 5, "a list of keys: " + keys);
    assertEquals(KEY_INFO_FIELDS, fieldNames(keys.get(0)), "ConfigKeyInfo fields, in Connect's order: " + keys.get(0));

    JsonNode bootstrap = find(keys, "src.kafka.bootstrap.servers");
    assertEquals(true, bootstrap.get("required").asBoolean(), "the source address is required: " + bootstrap);
    assertTrue(bootstrap.get("default_value").isNull(), "a required key has no default: " + bootstrap);
    assertEquals("LIST", bootstrap.get("type").asText(), "typed: " + bootstrap);
    JsonNode rename = find(keys, "topic.rename.format");
    assertEquals("${topic}", rename.get("default_value").asText(), "default shown as a string: " + rename);
    assertEquals(false, rename.get("required").asBoolean(), "optional: " + rename);
    assertTrue(!rename.get("documentation").asText().isBlank(), "documented: " + rename);

    assertEquals(keys, api.get("/connector-plugins/EMRReplicatorSource/config").json(),
        "the simple name without Connector names the same plugin");
  }

  @Test
  void pluginConfigOfAnUnknownPluginIs404() {
    ApiClient.Reply reply = api.get("/connector-plugins/NoSuchConnector/config");
    assertErrorBody(reply, 404);
    assertTrue(reply.json().get("message").asText().contains("NoSuchConnector"), "names the plugin: " + reply);
  }

  @Test
  void validateFilesEachProblemUnderItsKeyWithItsDefinition() {
    ApiClient.Reply reply = api.put("/connector-plugins/FerryReplicatorSourceConnector/config/validate",
        "{\"connector.class\":\"FerryReplicatorSourceConnector\",\"name\":\"v\",\"topic.regex\":\"orders(\","
            + "\"tasks.max\":\"0\",\"topic.rename.format\":\"${topic}.copy\"}");
    assertEquals(200, reply.status(), "validate answers 200 even with errors: " + reply);
    JsonNode infos = reply.json();
    assertEquals(3, infos.get("error_count").asInt(), "three problems: " + infos);
    assertEquals(1, errorsOf(infos, "topic.regex").size(), "the bad regex under topic.regex: " + infos);
    assertEquals(1, errorsOf(infos, "tasks.max").size(), "the bad tasks.max under tasks.max: " + infos);
    assertEquals(1, errorsOf(infos, "src.kafka.bootstrap.servers").size(), "the missing address under its key: " + infos);
    assertEquals(0, errorsOf(infos, "topic.rename.format").size(), "a good key has no error: " + infos);

    JsonNode regex = entry(infos, "topic.regex").get("definition");
    assertEquals("Topics", regex.get("group").asText(), "the key's own group: " + regex);
    assertEquals("orders(", entry(infos, "topic.regex").get("value").get("value").asText(), "the submitted value");
    assertTrue(infos.get("groups").toString().contains("\"Common\"") && infos.get("groups").toString().contains("\"Source\""),
        "groups list the type's groups: " + infos.get("groups"));
  }

  private static JsonNode find(JsonNode keys, String name) {
    for (JsonNode key : keys) {
      if (name.equals(key.get("name").asText())) {
        return key;
      }
    }
    throw new AssertionError("no key " + name + " in " + keys);
  }

  private static JsonNode entry(JsonNode infos, String key) {
    for (JsonNode config : infos.get("configs")) {
      if (key.equals(config.get("definition").get("name").asText())) {
        return config;
      }
    }
    throw new AssertionError("no config " + key + " in " + infos);
  }

  private static JsonNode errorsOf(JsonNode infos, String key) {
    return entry(infos, key).get("value").get("errors");
  }
}
