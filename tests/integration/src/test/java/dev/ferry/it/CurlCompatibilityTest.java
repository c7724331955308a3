package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TopicData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Existing Kafka Connect clients work unchanged: a live node driven only by {@code curl} command
 * lines in the style of the seed documents (create with POST and with PUT .../config, list,
 * status, tasks, pause, resume, restart, offsets, delete), checking Connect's status codes and
 * JSON shapes, and that every record arrived on the target, counted to the last one.
 */
@Timeout(300)
class CurlCompatibilityTest extends OneNodeTestBase {

  private static Curl curl;

  @BeforeAll
  static void curlAtTheNode() {
    curl = new Curl(node.restUrl());
  }

  @Test
  void seedCommandsCreateListInspectPauseResumeRestartAndDelete() {
    String source = source();
    String target = target();
    TopicData.createTopic(source, "curl-orders", 3);
    TopicData.produce(source, "curl-orders", 3, 0, 2_000, 100);

    // Seed 000's request, unchanged but for the addresses.
    Curl.Reply created = curl.send("POST", "/connectors", """
        {"name": "curl-post", "config": { "connector.class": "EMRReplicatorSourceConnector", \
        "key.converter": "org.apache.kafka.connect.converters.ByteArrayConverter", \
        "value.converter": "org.apache.kafka.connect.converters.ByteArrayConverter", \
        "src.kafka.bootstrap.servers": "%s", "src.zookeeper.connect": "127.0.0.1:2181", \
        "dest.zookeeper.connect": "127.0.0.1:2181", "topic.whitelist": "curl-orders", \
        "topic.rename.format": "curl-orders.replica", "src.kafka.max.poll.records": "300" } }""".formatted(source));
    assertEquals(201, created.status(), "POST /connectors creates: " + created);
    assertTrue(created.location().endsWith("/connectors/curl-post"), "Location names the connector: " + created);
    assertEquals("curl-post", created.json().path("name").asText(), "ConnectorInfo.name: " + created);
    assertEquals("source", created.json().path("type").asText(), "ConnectorInfo.type: " + created);
    assertEquals("300", created.json().path("config").path("src.kafka.max.poll.records").asText(),
        "ConnectorInfo.config as submitted: " + created);

    Curl.Reply duplicate = curl.send("POST", "/connectors", "{\"name\":\"curl-post\",\"config\":"
        + created.json().path("config") + "}");
    assertError(duplicate, 409, "Connector curl-post already exists");
    assertError(curl.send("POST", "/connectors", "{\"name\": \"broken\", \"config\": {"), 400, "not valid JSON");

    assertTrue(curl.get("/connectors").json().toString().contains("\"curl-post\""), "listed: " + curl.get("/connectors"));
    JsonNode expanded = curl.get("/connectors?expand=status&expand=info").json().path("curl-post");
    assertEquals("curl-post", expanded.path("info").path("name").asText(), "expand=info: " + expanded);
    assertTrue(expanded.path("status").path("connector").has("state"), "expand=status: " + expanded);

    awaitState("curl-post", "RUNNING", 3);
    JsonNode tasks = curl.get("/connectors/curl-post/tasks").json();
    assertEquals(3, tasks.size(), "one task per source partition: " + tasks);
    assertEquals("curl-post", tasks.get(0).path("id").path("connector").asText(), "TaskInfo.id.connector: " + tasks);
    assertEquals(0, tasks.get(0).path("id").path("task").asInt(), "TaskInfo.id.task: " + tasks);
    Curl.Reply task = curl.get("/connectors/curl-post/tasks/0/status");
    assertEquals(200, task.status(), "task status: " + task);
    assertEquals("RUNNING", task.json().path("state").asText(), "task state: " + task);
    assertFalse(task.json().path("worker_id").asText().isEmpty(), "task worker_id: " + task);
    awaitCount(target, "curl-orders.replica", 6_000);

    assertEquals(202, curl.call("PUT", "/connectors/curl-post/pause").status(), "pause answers 202");
    awaitState("curl-post", "PAUSED", 3);
    TopicData.produce(source, "curl-orders", 3, 2_000, 1_000, 100);
    assertEquals(202, curl.call("PUT", "/connectors/curl-post/resume").status(), "resume answers 202");
    awaitState("curl-post", "RUNNING", 3);

    Curl.Reply restart = curl.call("POST", "/connectors/curl-post/restart");
    assertEquals(204, restart.status(), "plain restart answers 204: " + restart);
    Curl.Reply withTasks = curl.call("POST", "/connectors/curl-post/restart?includeTasks=true&onlyFailed=false");
    assertEquals(202, withTasks.status(), "restart with includeTasks answers 202: " + withTasks);
    assertEquals("RESTARTING", withTasks.json().path("connector").path("state").asText(), "connector shown: " + withTasks);
    assertEquals("RESTARTING", withTasks.json().path("tasks").path(0).path("state").asText(), "tasks shown: " + withTasks);
    assertEquals(204, curl.call("POST", "/connectors/curl-post/tasks/1/restart").status(), "task restart answers 204");
    assertError(curl.call("POST", "/connectors/curl-post/tasks/99/restart"), 404, "Unknown task: curl-post-99");
    awaitState("curl-post", "RUNNING", 3);

    awaitCount(target, "curl-orders.replica", 9_000);
    Reconciliation r = Reconciliation.of(TopicData.digest(source, "curl-orders", Duration.ofSeconds(30)),
        TopicData.digest(target, "curl-orders.replica", Duration.ofSeconds(30)));
    System.out.println("curl compatibility, curl-post: " + r.summary());
    assertEquals(0, r.lost(), "every record arrived: " + r.summary());
    assertEquals(0, r.duplicates(), "pause, resume and restarts drain, so nothing is copied twice: " + r.summary());
    assertTrue(r.problems().isEmpty(), "per-partition order kept: " + r.summary());

    assertEquals(204, curl.call("DELETE", "/connectors/curl-post").status(), "delete answers 204");
    assertError(curl.get("/connectors/curl-post"), 404, "Connector curl-post not found");
    assertFalse(curl.get("/connectors").json().toString().contains("\"curl-post\""), "no longer listed");
  }

  @Test
  void putConfigCreatesAndUpdatesAndOffsetsMoveWhileStopped(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    String source = source();
    String target = target();
    TopicData.createTopic(source, "curl-payments", 2);
    TopicData.produce(source, "curl-payments", 2, 0, 1_000, 100);
    // Seed 001's way: the flat config in a file, sent with --data @file.
    Path file = dir.resolve("curl-put.json");
    Files.writeString(file, """
        {
          "connector.class": "EMRReplicatorSourceConnector",
          "src.kafka.bootstrap.servers": "%s",
          "topic.whitelist": "curl-payments",
          "topic.rename.format": "${topic}.replica"
        }
        """.formatted(source));

    Curl.Reply created = curl.send("PUT", "/connectors/curl-put/config", "@" + file);
    assertEquals(201, created.status(), "PUT .../config creates: " + created);
    assertTrue(created.location().endsWith("/connectors/curl-put"), "Location: " + created);
    Curl.Reply updated = curl.send("PUT", "/connectors/curl-put/config", "@" + file);
    assertEquals(200, updated.status(), "PUT .../config again updates: " + updated);
    Curl.Reply patched = curl.send("PATCH", "/connectors/curl-put/config", "{\"src.kafka.max.poll.records\":\"500\"}");
    assertEquals(200, patched.status(), "PATCH .../config merges: " + patched);
    assertEquals("500", curl.get("/connectors/curl-put/config").json().path("src.kafka.max.poll.records").asText(),
        "the patched key is stored");
    awaitCount(target, "curl-payments.replica", 2_000);

    Await.until(Duration.ofSeconds(30), () -> offsetsOf("curl-put").equals(Map.of(0, 1_000L, 1, 1_000L)),
        () -> "GET offsets shows both flows at 1000: " + curl.get("/connectors/curl-put/offsets"));
    String moveP0 = "{\"offsets\":[{\"partition\":{\"cluster\":\"" + source + "\",\"topic\":\"curl-payments\","
        + "\"partition\":0},\"offset\":{\"offset\":600}}]}";
    assertError(curl.send("PATCH", "/connectors/curl-put/offsets", moveP0), 400,
        "Connectors must be in the STOPPED state before their offsets can be modified");

    assertEquals(204, curl.call("PUT", "/connectors/curl-put/stop").status(), "stop answers 204");
    JsonNode stopped = curl.get("/connectors/curl-put/status").json();
    assertEquals("STOPPED", stopped.path("connector").path("state").asText(), "connector STOPPED: " + stopped);
    assertEquals(0, stopped.path("tasks").size(), "a stopped connector shows no tasks: " + stopped);
    Curl.Reply moved = curl.send("PATCH", "/connectors/curl-put/offsets", moveP0);
    assertEquals(200, moved.status(), "PATCH offsets of a stopped connector: " + moved);
    assertEquals("The offsets for this connector have been altered successfully", moved.json().path("message").asText(),
        "Connect's message: " + moved);
    assertEquals(Map.of(0, 600L, 1, 1_000L), offsetsOf("curl-put"), "GET shows the moved offset");

    assertEquals(202, curl.call("PUT", "/connectors/curl-put/resume").status(), "resume answers 202");
    awaitCount(target, "curl-payments.replica", 2_400);
    Map<Integer, TopicData.PartitionDigest> copy = TopicData.digest(target, "curl-payments.replica", Duration.ofSeconds(30));
    System.out.println("curl compatibility, curl-put: partition 0 duplicates " + copy.get(0).duplicates()
        + " (asked for 400 by moving its offset back), partition 1 duplicates " + copy.get(1).duplicates());
    assertArrayEquals(LongStream.concat(LongStream.range(0, 1_000), LongStream.range(600, 1_000)).toArray(),
        copy.get(0).sequence(), "partition 0 copied again from the moved offset 600");
    assertEquals(0, copy.get(1).duplicates(), "partition 1 continued without duplicates");
    JsonNode topics = curl.get("/connectors/curl-put/topics").json();
    assertEquals("[\"curl-payments\"]", topics.path("curl-put").path("topics").toString(), "used topics: " + topics);

    assertEquals(204, curl.call("DELETE", "/connectors/curl-put").status(), "delete answers 204");
  }

  @Test
  void pluginConfigAndLoggerCommandsAnswerInConnectsShapes() {
    Curl.Reply keys = curl.get("/connector-plugins/EMRReplicatorSourceConnector/config");
    assertEquals(200, keys.status(), "plugin config: " + keys);
    assertEquals("src.kafka.bootstrap.servers", keys.json().path(0).path("name").asText(), "ConfigKeyInfo list: " + keys);
    assertTrue(keys.json().path(0).path("required").asBoolean(), "the source address is required: " + keys);

    Curl.Reply set = curl.send("PUT", "/admin/loggers/dev.ferry.curltest", "{\"level\": \"DEBUG\"}");
    assertEquals(200, set.status(), "PUT a logger level: " + set);
    assertEquals("[\"dev.ferry.curltest\"]", set.body(), "the affected loggers: " + set);
    assertEquals("DEBUG", curl.get("/admin/loggers/dev.ferry.curltest").json().path("level").asText(), "read back");
    assertTrue(curl.get("/admin/loggers").json().has("root"), "the list has the root logger");
    Curl.Reply cluster = curl.send("PUT", "/admin/loggers/dev.ferry.curltest?scope=cluster", "{\"level\": \"INFO\"}");
    assertEquals(204, cluster.status(), "cluster scope answers 204: " + cluster);
    assertEquals("", cluster.body(), "with no body: " + cluster);
    assertError(curl.send("PUT", "/admin/loggers/dev.ferry.curltest", "{\"level\": \"LOUD\"}"), 404, "LOUD");
  }

  private static Map<Integer, Long> offsetsOf(String name) {
    Map<Integer, Long> out = new java.util.TreeMap<>();
    for (JsonNode entry : curl.get("/connectors/" + name + "/offsets").json().path("offsets")) {
      out.put(entry.path("partition").path("partition").asInt(), entry.path("offset").path("offset").asLong());
    }
    return out;
  }

  private static void assertError(Curl.Reply reply, int status, String messagePart) {
    assertEquals(status, reply.status(), "status: " + reply);
    JsonNode body = reply.json();
    assertEquals(status, body.path("error_code").asInt(), "error_code: " + reply);
    assertTrue(body.path("message").asText().contains(messagePart), "message says '" + messagePart + "': " + reply);
  }

  private static void awaitState(String name, String state, int tasks) {
    Await.until(Duration.ofSeconds(60), () -> {
      JsonNode status = curl.get("/connectors/" + name + "/status").json();
      if (!state.equals(status.path("connector").path("state").asText()) || status.path("tasks").size() != tasks) {
        return false;
      }
      for (JsonNode task : status.path("tasks")) {
        if (!state.equals(task.path("state").asText())) {
          return false;
        }
      }
      return true;
    }, () -> name + " and its " + tasks + " tasks " + state + ": " + curl.get("/connectors/" + name + "/status"));
  }

  private static void awaitCount(String target, String topic, long expected) {
    Await.until(Duration.ofSeconds(90),
        () -> TopicData.total(TopicData.digest(target, topic, Duration.ofSeconds(30))) >= expected,
        () -> topic + " has " + expected + " records: "
            + TopicData.total(TopicData.digest(target, topic, Duration.ofSeconds(30))));
  }
}
