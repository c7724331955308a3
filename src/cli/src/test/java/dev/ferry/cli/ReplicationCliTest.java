package dev.ferry.cli;

import static dev.ferry.cli.CliRun.ferry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.node.FerryNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry watch} and {@code ferry connectors offsets} against a live node replicating between
 * real source and target brokers: watch exits 0 once a connector has copied everything, reports
 * the lag of a paused connector with new records and exits 6 with {@code --once}, then 0 again once
 * the resumed connector caught up; offsets shows each
 * flow's resume point, refuses to move it while the connector runs (with how to stop it), and
 * moves and resets it once stopped.
 */
@Timeout(240)
class ReplicationCliTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final int RECORDS_PER_PARTITION = 200;

  private static TestClusters clusters;
  private static FerryNode node;
  private static String url;

  @TempDir
  static Path files;

  @BeforeAll
  static void startNode() {
    clusters = TestClusters.shared();
    node = TestNodes.start(TestNodes.newDataDir(), clusters.target().bootstrapServers(), Map.of());
    url = node.restUrl();
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.stop(Duration.ofSeconds(30));
    }
  }

  @Test
  void watchShowsTheLagOfAPausedConnectorAndExitsZeroOnceTheResumedOneCaughtUp() throws IOException {
    String topic = "cli-watch";
    TopicData.createTopic(source(), topic, 2);
    TopicData.produce(source(), topic, 2, 0, RECORDS_PER_PARTITION, 100);
    create(topic, null);
    awaitCaughtUp(topic);

    assertEquals(ExitCodes.OK, ferry("connectors", "pause", topic, "--url", url).exitCode(), "pause");
    TopicData.produce(source(), topic, 2, RECORDS_PER_PARTITION, RECORDS_PER_PARTITION, 100);
    AtomicReference<CliRun> last = new AtomicReference<>();
    Await.until(PATIENCE, () -> {
      last.set(ferry("watch", topic, "--once", "-o", "json", "--url", url));
      JsonNode json = last.get().json();
      return last.get().exitCode() == ExitCodes.NOT_CAUGHT_UP && json.path("states").path("PAUSED").asInt() == 2
          && json.path("offset_lag").asLong() == 2 * RECORDS_PER_PARTITION;
    }, () -> "watch --once to see both flows paused with the " + 2 * RECORDS_PER_PARTITION
        + " new records to copy; last run: " + last.get());
    CliRun behind = ferry("watch", topic, "--once", "--url", url);
    assertEquals(ExitCodes.NOT_CAUGHT_UP, behind.exitCode(), "not caught up while paused: " + behind);
    assertTrue(behind.out().startsWith(topic + "  [" + "#".repeat(15) + "-".repeat(15) + "]  50.0%  lag 400 "),
        "half the records copied, the lag: " + behind);
    assertTrue(behind.out().strip().endsWith("2 flows: 2 PAUSED"), "the flows' state: " + behind);
    assertTrue(behind.err().contains("has not caught up yet: lag 400"), "says why it exits 6: " + behind);

    assertEquals(ExitCodes.OK, ferry("connectors", "resume", topic, "--url", url).exitCode(), "resume");
    CliRun caughtUp = awaitCaughtUp(topic);
    assertTrue(caughtUp.out().contains("[" + "#".repeat(30) + "] 100.0%  lag 0 "), "a full bar, no lag: " + caughtUp);
    assertTrue(caughtUp.out().contains("ETA caught up"), "no ETA left: " + caughtUp);
    assertTrue(caughtUp.out().contains("has caught up: 800 records replicated"), "the final sentence: " + caughtUp);

    CliRun watched = ferry("watch", topic, "--url", url);
    assertEquals(ExitCodes.OK, watched.exitCode(), "watch without --once returns at once when caught up: " + watched);
  }

  private static CliRun awaitCaughtUp(String connector) {
    AtomicReference<CliRun> last = new AtomicReference<>();
    Await.until(PATIENCE, () -> {
      last.set(ferry("watch", connector, "--once", "--url", url));
      return last.get().exitCode() == ExitCodes.OK;
    }, () -> "watch --once to exit 0 once " + connector + " caught up; last run: " + last.get());
    return last.get();
  }

  @Test
  void offsetsShowsResumePointsAndMovesThemOnlyWhileStopped() throws IOException {
    String topic = "cli-offsets";
    TopicData.createTopic(source(), topic, 2);
    TopicData.produce(source(), topic, 2, 0, RECORDS_PER_PARTITION, 50);
    create(topic, null);
    AtomicReference<CliRun> last = new AtomicReference<>();
    Await.until(PATIENCE, () -> {
      last.set(ferry("connectors", "offsets", topic, "--url", url));
      return last.get().out().lines().filter(line -> line.matches(".*\\s" + topic + "\\s+[01]\\s+"
          + RECORDS_PER_PARTITION)).count() == 2;
    }, () -> "both partitions at offset " + RECORDS_PER_PARTITION + "; last run: " + last.get());
    assertTrue(last.get().out().startsWith("CLUSTER"), "a table: " + last.get());

    String move = "{\"offsets\":[{\"partition\":{\"cluster\":\"" + source() + "\",\"topic\":\"" + topic
        + "\",\"partition\":0},\"offset\":{\"offset\":150}}]}";
    CliRun running = ferry("connectors", "offsets", topic, "--set", move, "--url", url);
    assertEquals(ExitCodes.BAD_INPUT, running.exitCode(), "moving a running connector's offsets: " + running);
    assertTrue(running.err().contains("STOPPED") && running.err().contains("`ferry connectors stop " + topic + "`"),
        "Connect's message and how to stop it: " + running);

    assertEquals(ExitCodes.OK, ferry("connectors", "stop", topic, "--url", url).exitCode(), "stop");
    Await.until(PATIENCE, () -> {
      last.set(ferry("connectors", "offsets", topic, "--set", move, "--url", url));
      return last.get().exitCode() == ExitCodes.OK;
    }, () -> "offsets --set once stopped; last run: " + last.get());
    assertTrue(last.get().out().contains("altered successfully"), "the node's message: " + last.get());
    JsonNode moved = ferry("connectors", "offsets", topic, "-o", "json", "--url", url).json();
    assertEquals(Map.of(0, 150L, 1, (long) RECORDS_PER_PARTITION), offsetsByPartition(moved),
        "partition 0 moved, partition 1 kept: " + moved);

    Path file = Files.writeString(files.resolve("offsets.json"), move.replace("150", "20"));
    assertEquals(ExitCodes.OK, ferry("connectors", "offsets", topic, "--set", file.toString(), "--url", url).exitCode(),
        "offsets --set FILE");
    assertEquals(20L, offsetsByPartition(ferry("connectors", "offsets", topic, "-o", "json", "--url", url).json()).get(0),
        "moved from the file");

    CliRun reset = ferry("connectors", "offsets", topic, "--reset", "--url", url);
    assertEquals(ExitCodes.OK, reset.exitCode(), "offsets --reset: " + reset);
    assertTrue(reset.out().contains("reset successfully"), "the node's message: " + reset);

    CliRun bad = ferry("connectors", "offsets", topic, "--set", "{\"partitions\":[]}", "--url", url);
    assertEquals(ExitCodes.BAD_INPUT, bad.exitCode(), "a body without offsets: " + bad);
    CliRun unknown = ferry("connectors", "offsets", "no-such-connector", "--url", url);
    assertEquals(ExitCodes.NOT_FOUND, unknown.exitCode(), "offsets of an unknown connector: " + unknown);
  }

  private static Map<Integer, Long> offsetsByPartition(JsonNode answer) {
    Map<Integer, Long> offsets = new java.util.TreeMap<>();
    answer.path("offsets").forEach(entry -> offsets.put(entry.path("partition").path("partition").asInt(),
        entry.path("offset").path("offset").asLong()));
    return offsets;
  }

  private static void create(String topic, String initialState) throws IOException {
    ObjectNode request = Json.MAPPER.createObjectNode().put("name", topic);
    if (initialState != null) {
      request.put("initial_state", initialState);
    }
    request.putObject("config")
        .put("connector.class", "EMRReplicatorSourceConnector")
        .put("src.kafka.bootstrap.servers", source())
        .put("topic.whitelist", topic)
        .put("topic.rename.format", "${topic}.replica");
    Path file = Files.writeString(files.resolve(topic + ".json"), request.toString());
    CliRun created = ferry("connectors", "create", "-f", file.toString(), "--url", url);
    assertEquals(ExitCodes.OK, created.exitCode(), "create " + topic + ": " + created);
  }

  private static String source() {
    return clusters.source().bootstrapServers();
  }
}
