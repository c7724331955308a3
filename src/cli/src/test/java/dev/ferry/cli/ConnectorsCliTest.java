package dev.ferry.cli;

import static dev.ferry.cli.CliRun.ferry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.node.FerryNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.TestNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ferry connectors} commands against a live in-process node. There is no Kafka: the
 * connectors' source is an unreachable loopback port, so a RUNNING connector turns FAILED once its
 * discovery times out (2s); tests that need a steady state create connectors PAUSED.
 */
class ConnectorsCliTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static FerryNode node;
  private static String url;
  private static String unreachableSource;

  @TempDir
  static Path files;

  @BeforeAll
  static void startNode() {
    node = TestNodes.start(TestNodes.newDataDir(), "127.0.0.1:" + TestNodes.freePort(),
        Map.of("ferry.discovery.admin-timeout", "2s"));
    url = node.restUrl();
    unreachableSource = "127.0.0.1:" + TestNodes.freePort();
    AtomicReference<CliRun> last = new AtomicReference<>();
    Await.until(PATIENCE, () -> {
      last.set(ferry("connectors", "list", "--url", url));
      return last.get().exitCode() == ExitCodes.OK;
    }, () -> "the node to answer `ferry connectors list`; last run: " + last.get());
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.stop(Duration.ofSeconds(20));
    }
  }

  @Test
  void flowsListsTheFlowsOfAConnectorAndRejectsAnUnknownOne() {
    CliRun json = ferry("flows", "-o", "json", "--url", url);
    assertEquals(0, json.exitCode(), "ferry flows succeeds: " + json);
    assertTrue(json.out().trim().startsWith("["), "-o json prints the node's JSON array: " + json);
    CliRun unknown = ferry("flows", "--connector", "no-such-connector", "--url", url);
    assertEquals(4, unknown.exitCode(), "an unknown connector exits 4: " + unknown);
  }

  @Test
  void createFromConnectRequestJsonThenListGetAndStatusShowIt() throws IOException {
    String name = uniqueName("connect-json");
    ObjectNode request = Json.MAPPER.createObjectNode().put("name", name);
    request.set("config", validConfig());
    CliRun created = ferry("connectors", "create", "-f", write(name + ".json", request.toString()), "--url", url);
    assertEquals(ExitCodes.OK, created.exitCode(), "create from a Connect request: " + created);
    assertTrue(created.out().contains("Created connector " + name), "says it was created: " + created);

    CliRun listed = ferry("--url", url, "connectors", "list");
    assertEquals(ExitCodes.OK, listed.exitCode(), "list: " + listed);
    assertTrue(listed.out().startsWith("NAME"), "a table with a header: " + listed);
    assertTrue(listed.out().lines().anyMatch(line -> line.startsWith(name + " ") && line.contains("source")),
        "a row for the connector with its type: " + listed);

    CliRun got = ferry("connectors", "get", name, "--url", url);
    assertEquals(ExitCodes.OK, got.exitCode(), "get: " + got);
    assertTrue(got.out().lines().anyMatch(line -> line.matches("topic\\.rename\\.format\\s+\\$\\{topic}\\.replica")),
        "the config as aligned key/value lines: " + got);

    awaitState(name, "FAILED");
    CliRun status = ferry("connectors", "status", name, "--url", url);
    assertEquals(ExitCodes.OK, status.exitCode(), "status: " + status);
    assertTrue(status.out().lines().anyMatch(line -> line.matches("State:\\s+FAILED")), "the state: " + status);
    assertTrue(status.out().lines().anyMatch(line -> line.startsWith("Trace:")), "the trace's first line: " + status);
    assertTrue(ferry("connectors", "list", "--url", url).out().lines()
        .anyMatch(line -> line.startsWith(name + " ") && line.contains("FAILED")), "list shows it FAILED");
  }

  @Test
  void createFromFlatJsonConfigWithTheNameInside() throws IOException {
    String name = uniqueName("flat-json");
    ObjectNode config = validConfig().put("name", name);
    CliRun created = ferry("connectors", "create", "-f", write(name + ".json", config.toString()), "--url", url);
    assertEquals(ExitCodes.OK, created.exitCode(), "create from a flat config: " + created);

    JsonNode info = ferry("connectors", "get", name, "-o", "json", "--url", url).json();
    assertEquals(config, info.get("config"), "the node has exactly the file's config: " + info);
  }

  @Test
  void createFromPropertiesFile() throws IOException {
    String name = uniqueName("properties");
    String properties = String.join("\n",
        "name=" + name,
        "connector.class=EMRReplicatorSourceConnector",
        "src.kafka.bootstrap.servers=" + unreachableSource,
        "topic.whitelist=orders",
        "topic.rename.format=${topic}.replica");
    CliRun created = ferry("connectors", "create", "-f", write(name + ".properties", properties), "--url", url);
    assertEquals(ExitCodes.OK, created.exitCode(), "create from .properties: " + created);

    JsonNode info = ferry("connectors", "get", name, "-o", "json", "--url", url).json();
    assertEquals("orders", info.get("config").get("topic.whitelist").asText(), "config from the file: " + info);
    assertEquals("source", info.get("type").asText(), "type of the created connector: " + info);
  }

  @Test
  void configSetChangesTheKeyAndKeepsTheOthers() throws IOException {
    String name = createPaused("config-set");

    CliRun set = ferry("connectors", "config", "set", name, "topic.whitelist=orders,payments", "--url", url);
    assertEquals(ExitCodes.OK, set.exitCode(), "config set: " + set);
    assertTrue(set.out().lines().anyMatch(line -> line.matches("topic\\.whitelist\\s+orders\\s+orders,payments")),
        "shows the key with its old and new value: " + set);

    JsonNode config = ferry("connectors", "get", name, "-o", "json", "--url", url).json().get("config");
    assertEquals("orders,payments", config.get("topic.whitelist").asText(), "the new value is stored: " + config);
    assertEquals("${topic}.replica", config.get("topic.rename.format").asText(), "other keys are kept: " + config);
  }

  @Test
  void pauseShowsPausedAndResumeRunsItAgain() throws IOException {
    String name = uniqueName("pause");
    ObjectNode request = Json.MAPPER.createObjectNode().put("name", name);
    request.set("config", validConfig());
    assertEquals(ExitCodes.OK, ferry("connectors", "create", "-f", write(name + ".json", request.toString()),
        "--url", url).exitCode(), "created running");

    CliRun paused = ferry("connectors", "pause", name, "--url", url);
    assertEquals(ExitCodes.OK, paused.exitCode(), "pause: " + paused);
    awaitState(name, "PAUSED");
    CliRun status = ferry("connectors", "status", name, "--url", url);
    assertTrue(status.out().lines().anyMatch(line -> line.matches("State:\\s+PAUSED")), "status shows PAUSED: " + status);

    CliRun resumed = ferry("connectors", "resume", name, "--url", url);
    assertEquals(ExitCodes.OK, resumed.exitCode(), "resume: " + resumed);
    AtomicReference<String> state = new AtomicReference<>();
    Await.until(PATIENCE, () -> {
      state.set(state(name));
      return Set.of("UNASSIGNED", "RUNNING", "FAILED").contains(state.get());
    }, () -> "the resumed connector to leave PAUSED (it runs until its unreachable source fails it); last state "
        + state.get());
  }

  @Test
  void stopRestartAndTasksOfAConnectorWithoutPartitions() throws IOException {
    String name = createPaused("stop");

    CliRun tasks = ferry("connectors", "tasks", name, "--url", url);
    assertEquals(ExitCodes.OK, tasks.exitCode(), "tasks: " + tasks);
    assertTrue(tasks.out().contains("has no tasks"), "no source partition found, so no task: " + tasks);
    assertEquals(0, ferry("connectors", "tasks", name, "-o", "json", "--url", url).json().size(),
        "tasks -o json is the node's empty list");

    CliRun stopped = ferry("connectors", "stop", name, "--url", url);
    assertEquals(ExitCodes.OK, stopped.exitCode(), "stop: " + stopped);
    awaitState(name, "STOPPED");

    CliRun restarted = ferry("connectors", "restart", name, "--include-tasks", "--url", url);
    assertEquals(ExitCodes.OK, restarted.exitCode(), "restart --include-tasks: " + restarted);
    assertTrue(restarted.out().contains("Restarting connector " + name), "says what restarts: " + restarted);
  }

  @Test
  void deleteThenGetExits4WithTheHint() throws IOException {
    String name = createPaused("delete");

    CliRun deleted = ferry("connectors", "delete", name, "--url", url);
    assertEquals(ExitCodes.OK, deleted.exitCode(), "delete: " + deleted);

    CliRun got = ferry("connectors", "get", name, "--url", url);
    assertEquals(ExitCodes.NOT_FOUND, got.exitCode(), "get of a deleted connector: " + got);
    assertEquals("connector " + name + " not found — list them with `ferry connectors list`", got.err().strip(),
        "the not-found message with the hint: " + got);
    assertFalse(ferry("connectors", "list", "--url", url).out().contains(name + " "), "no longer listed");
  }

  @Test
  void creatingAnExistingConnectorExits5WithAHint() throws IOException {
    String name = createPaused("duplicate");
    ObjectNode config = validConfig().put("name", name);

    CliRun again = ferry("connectors", "create", "-f", write(name + "-again.json", config.toString()), "--url", url);
    assertEquals(ExitCodes.CONFLICT, again.exitCode(), "second create: " + again);
    assertTrue(again.err().contains("already exists") && again.err().contains("ferry connectors config set " + name),
        "the node's message and what to do instead: " + again);
  }

  @Test
  void invalidConfigExits2WithTheNodesMessageNamingTheKey() throws IOException {
    String name = uniqueName("invalid");
    ObjectNode config = validConfig().put("name", name);
    config.remove("src.kafka.bootstrap.servers");

    CliRun created = ferry("connectors", "create", "-f", write(name + ".json", config.toString()), "--url", url);
    assertEquals(ExitCodes.BAD_INPUT, created.exitCode(), "create with a missing required key: " + created);
    assertTrue(created.err().contains("Connector configuration is invalid"), "the node's message: " + created);
    assertTrue(created.err().contains("src.kafka.bootstrap.servers"), "names the missing key: " + created);
    assertFalse(created.err().contains("\tat "), "no stack trace: " + created);
  }

  @Test
  void unreachableNodeExits3WithoutAStackTrace() {
    String nowhere = "http://127.0.0.1:" + TestNodes.freePort();

    CliRun listed = ferry("connectors", "list", "--url", nowhere);
    assertEquals(ExitCodes.UNREACHABLE, listed.exitCode(), "list against a closed port: " + listed);
    assertTrue(listed.err().startsWith("cannot reach Ferry at " + nowhere + ": "), "names the address: " + listed);
    assertTrue(listed.err().contains("is the node running? set --url or FERRY_URL"), "says what to do: " + listed);
    assertFalse(listed.err().contains("\tat "), "no stack trace: " + listed);
  }

  @Test
  void listAsJsonIsTheNodesExpandedMap() throws IOException {
    String name = createPaused("list-json");

    JsonNode listed = ferry("connectors", "list", "-o", "json", "--url", url).json();
    assertEquals("PAUSED", listed.path(name).path("status").path("connector").path("state").asText(),
        "the node's ?expand=status map: " + listed);
  }

  // ---------------------------------------------------------------- helpers

  private static String uniqueName(String prefix) {
    return "cli-" + prefix + "-" + NAMES.incrementAndGet();
  }

  /** A valid replicator config whose source is an unreachable loopback port. */
  private static ObjectNode validConfig() {
    return Json.MAPPER.createObjectNode()
        .put("connector.class", "EMRReplicatorSourceConnector")
        .put("src.kafka.bootstrap.servers", unreachableSource)
        .put("topic.whitelist", "orders")
        .put("topic.rename.format", "${topic}.replica");
  }

  /** Creates a connector PAUSED (a steady state without Kafka) through the CLI; answers its name. */
  private static String createPaused(String prefix) throws IOException {
    String name = uniqueName(prefix);
    ObjectNode request = Json.MAPPER.createObjectNode().put("name", name).put("initial_state", "PAUSED");
    request.set("config", validConfig());
    CliRun created = ferry("connectors", "create", "-f", write(name + ".json", request.toString()), "--url", url);
    assertEquals(ExitCodes.OK, created.exitCode(), "create " + name + " paused: " + created);
    return name;
  }

  private static String write(String fileName, String content) throws IOException {
    return Files.writeString(files.resolve(fileName), content).toString();
  }

  private static String state(String name) {
    CliRun status = ferry("connectors", "status", name, "-o", "json", "--url", url);
    assertEquals(ExitCodes.OK, status.exitCode(), "status -o json: " + status);
    return status.json().path("connector").path("state").asText();
  }

  private static void awaitState(String name, String expected) {
    AtomicReference<String> last = new AtomicReference<>();
    Await.until(PATIENCE, () -> {
      last.set(state(name));
      return expected.equals(last.get());
    }, () -> "connector " + name + " to be " + expected + "; last state " + last.get());
  }
}
