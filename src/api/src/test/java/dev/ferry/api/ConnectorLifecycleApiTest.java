package dev.ferry.api;

import static dev.ferry.api.ServerApiTest.assertErrorBody;
import static dev.ferry.api.ServerApiTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The life of a connector through the API: create, list, reconfigure, pause, resume, stop, restart,
 * delete. Without Kafka a RUNNING connector turns FAILED once its discovery times out (2s), so
 * tests that need a steady state create connectors PAUSED or STOPPED.
 */
@ExtendWith(TestNode.class)
class ConnectorLifecycleApiTest {

  private final ApiClient api;

  ConnectorLifecycleApiTest(ApiClient api) {
    this.api = api;
  }

  @Test
  void createAnswers201WithLocationAndConnectorInfo() {
    String name = Connectors.uniqueName("create");
    ApiClient.Reply reply = api.post("/connectors", Connectors.createBody(name, Connectors.validConfig()));

    assertEquals(201, reply.status(), "POST /connectors answers 201: " + reply);
    assertEquals("/connectors/" + name, reply.header("Location").orElse(""), "Location of the new connector");
    JsonNode info = reply.json();
    assertEquals(List.of("name", "config", "tasks", "type"), fieldNames(info), "ConnectorInfo fields: " + info);
    assertEquals(name, info.get("name").asText(), "name");
    assertEquals(name, info.get("config").get("name").asText(), "the config carries the name");
    assertEquals("EMRReplicatorSourceConnector", info.get("config").get("connector.class").asText(),
        "the config is kept as submitted");
    assertTrue(info.get("tasks").isArray(), "tasks is a list: " + info);
    assertEquals("source", info.get("type").asText(), "type");
    assertEquals(info, api.get("/connectors/" + name).json(), "GET /connectors/{name} shows the same ConnectorInfo");
  }

  @Test
  void configValuesThatAreNumbersOrBooleansAreKeptAsStrings() {
    String name = Connectors.uniqueName("typed");
    ObjectNode config = Connectors.validConfig();
    config.put("tasks.max", 3);
    config.put("topic.auto.create", false);
    ApiClient.Reply reply = api.post("/connectors", Connectors.createBody(name, config, "PAUSED"));

    assertEquals(201, reply.status(), "numbers and booleans are accepted: " + reply);
    JsonNode stored = api.get("/connectors/" + name + "/config").json();
    assertEquals("3", stored.get("tasks.max").textValue(), "a number becomes its text: " + stored);
    assertEquals("false", stored.get("topic.auto.create").textValue(), "a boolean becomes its text: " + stored);
  }

  @Test
  void createdConnectorIsListedAndExpandedWithStatusAndInfo() {
    String name = Connectors.uniqueName("list");
    api.post("/connectors", Connectors.createBody(name, Connectors.validConfig(), "PAUSED"));

    JsonNode names = api.get("/connectors").json();
    assertTrue(names.isArray() && names.toString().contains("\"" + name + "\""), "GET /connectors lists it: " + names);

    JsonNode both = api.get("/connectors?expand=status&expand=info").json();
    JsonNode entry = both.get(name);
    assertTrue(entry != null, "expanded map has the connector: " + both);
    assertEquals(Set.of("status", "info"), Set.copyOf(fieldNames(entry)), "both expansions: " + entry);
    assertEquals("PAUSED", entry.get("status").get("connector").get("state").asText(), "status expansion: " + entry);
    assertEquals(name, entry.get("info").get("name").asText(), "info expansion: " + entry);

    JsonNode statusOnly = api.get("/connectors?expand=status").json().get(name);
    assertEquals(List.of("status"), fieldNames(statusOnly), "only the status expansion: " + statusOnly);
  }

  @Test
  void putConfigCreatesWith201ThenUpdatesWith200() {
    String name = Connectors.uniqueName("put");
    ObjectNode config = Connectors.validConfig();
    ApiClient.Reply created = api.put("/connectors/" + name + "/config", config.toString());
    assertEquals(201, created.status(), "PUT creates: " + created);
    assertEquals("/connectors/" + name, created.header("Location").orElse(""), "Location when created");
    assertEquals(name, created.json().get("name").asText(), "ConnectorInfo of the new connector");

    config.put("topic.whitelist", "orders,payments");
    ApiClient.Reply updated = api.put("/connectors/" + name + "/config", config.toString());
    assertEquals(200, updated.status(), "PUT updates: " + updated);
    assertFalse(updated.header("Location").isPresent(), "no Location when updated");
    assertEquals("orders,payments", updated.json().get("config").get("topic.whitelist").asText(), "new config answered");
    assertEquals("orders,payments", api.get("/connectors/" + name + "/config").json().get("topic.whitelist").asText(),
        "new config stored");
  }

  @Test
  void statusShowsConnectorStateInfo() {
    String name = Connectors.uniqueName("status");
    api.post("/connectors", Connectors.createBody(name, Connectors.validConfig(), "PAUSED"));

    JsonNode status = api.get("/connectors/" + name + "/status").json();
    assertEquals(List.of("name", "connector", "tasks", "type"), fieldNames(status), "ConnectorStateInfo fields: " + status);
    assertEquals(List.of("state", "worker_id"), fieldNames(status.get("connector")),
        "no trace when there is none: " + status);
    assertEquals("PAUSED", status.get("connector").get("state").asText(), "created paused: " + status);
    assertEquals("source", status.get("type").asText(), "type: " + status);
  }

  @Test
  void connectorWhoseSourceIsUnreachableReportsFailedWithATrace() {
    String name = Connectors.uniqueName("failed");
    assertEquals(201, api.post("/connectors", Connectors.createBody(name, Connectors.validConfig())).status(),
        "created running");
    JsonNode status = Eventually.until(TestNode.PATIENCE, "the connector to fail its discovery",
        () -> api.get("/connectors/" + name + "/status").json(),
        s -> "FAILED".equals(s.get("connector").get("state").asText()));
    assertTrue(status.get("connector").get("trace").asText().contains("127.0.0.1:1")
        || status.get("connector").get("trace").asText().contains(name), "the trace says what failed: " + status);
  }

  @Test
  void pauseShowsPausedAndResumeRunsTheConnectorAgain() {
    String name = Connectors.uniqueName("pause");
    api.post("/connectors", Connectors.createBody(name, Connectors.validConfig(), "STOPPED"));

    ApiClient.Reply paused = api.put("/connectors/" + name + "/pause", null);
    assertEquals(202, paused.status(), "pause answers 202: " + paused);
    assertEquals("", paused.body(), "pause answers no body");
    assertEquals("PAUSED", state(name), "status after pause");
    assertEquals(202, api.put("/connectors/" + name + "/pause", null).status(), "pause is idempotent");
    assertEquals("PAUSED", state(name), "status after a second pause");

    ApiClient.Reply resumed = api.put("/connectors/" + name + "/resume", null);
    assertEquals(202, resumed.status(), "resume answers 202: " + resumed);
    // Resumed, it runs until its discovery of the unreachable source times out and fails it.
    String state = state(name);
    assertTrue(Set.of("RUNNING", "FAILED").contains(state), "status after resume is RUNNING (or FAILED once the "
        + "unreachable source timed out), was " + state);
  }

  @Test
  void stopShowsStoppedWithNoTasksAndResumeStartsItAgain() {
    String name = Connectors.uniqueName("stop");
    api.post("/connectors", Connectors.createBody(name, Connectors.validConfig(), "PAUSED"));

    ApiClient.Reply stopped = api.put("/connectors/" + name + "/stop", null);
    assertEquals(204, stopped.status(), "stop answers 204: " + stopped);
    JsonNode status = api.get("/connectors/" + name + "/status").json();
    assertEquals("STOPPED", status.get("connector").get("state").asText(), "status after stop: " + status);
    assertEquals(0, status.get("tasks").size(), "a stopped connector has no tasks: " + status);
    assertEquals(0, api.get("/connectors/" + name + "/tasks").json().size(), "GET tasks of a stopped connector");
    assertEquals(0, api.get("/connectors/" + name).json().get("tasks").size(), "ConnectorInfo of a stopped connector");

    assertEquals(202, api.put("/connectors/" + name + "/resume", null).status(), "resume of a stopped connector");
    assertTrue(Set.of("RUNNING", "FAILED").contains(state(name)), "resume starts a stopped connector");
  }

  @Test
  void tasksOfAConnectorWithoutFlowsAreAnEmptyList() {
    String name = Connectors.uniqueName("tasks");
    api.post("/connectors", Connectors.createBody(name, Connectors.validConfig(), "PAUSED"));
    ApiClient.Reply reply = api.get("/connectors/" + name + "/tasks");
    assertEquals(200, reply.status(), "GET tasks: " + reply);
    assertTrue(reply.json().isArray() && reply.json().isEmpty(), "no flow discovered, no task: " + reply);
  }

  @Test
  void restartWithoutParametersAnswers204() {
    String name = Connectors.uniqueName("restart");
    api.post("/connectors", Connectors.createBody(name, Connectors.validConfig(), "PAUSED"));
    ApiClient.Reply reply = api.post("/connectors/" + name + "/restart", "");
    assertEquals(204, reply.status(), "plain restart answers 204: " + reply);
  }

  @Test
  void restartIncludingTasksAnswers202WithTheConnectorRestarting() {
    String name = Connectors.uniqueName("restart-tasks");
    api.post("/connectors", Connectors.createBody(name, Connectors.validConfig(), "PAUSED"));
    ApiClient.Reply reply = api.post("/connectors/" + name + "/restart?includeTasks=true&onlyFailed=false", "");
    assertEquals(202, reply.status(), "restart with includeTasks answers 202: " + reply);
    assertEquals("RESTARTING", reply.json().get("connector").get("state").asText(), "the connector restarts: " + reply);
    assertEquals(name, reply.json().get("name").asText(), "ConnectorStateInfo of the connector: " + reply);
  }

  @Test
  void deleteAnswers204ThenTheConnectorIsGone() {
    String name = Connectors.uniqueName("delete");
    api.post("/connectors", Connectors.createBody(name, Connectors.validConfig(), "PAUSED"));

    ApiClient.Reply deleted = api.delete("/connectors/" + name);
    assertEquals(204, deleted.status(), "DELETE answers 204: " + deleted);
    assertErrorBody(api.get("/connectors/" + name), 404);
    assertFalse(api.get("/connectors").json().toString().contains("\"" + name + "\""), "no longer listed");
    assertErrorBody(api.delete("/connectors/" + name), 404);
  }

  @Test
  void trailingSlashIsAccepted() {
    assertEquals(200, api.get("/connectors/").status(), "GET /connectors/ answers like GET /connectors");
  }

  private String state(String name) {
    return api.get("/connectors/" + name + "/status").json().get("connector").get("state").asText();
  }
}
