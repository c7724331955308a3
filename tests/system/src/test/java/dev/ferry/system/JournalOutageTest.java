package dev.ferry.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node whose H2 journal sits on a filesystem that fills up (issue 16, item 4): a tmpfs of a few
 * megabytes mounted for the test (so it needs root, which the build machine and CI have; root
 * ignores file permissions, so an unwritable directory would not do). While the disk is full,
 * {@code /health} and {@code /ready} fail with the reason, status answers at once with the flows
 * FAILED and the reason, and writes answer 503 with it; once space is free again the node recovers
 * by itself, copies on and takes new connectors, with nothing lost.
 */
@Timeout(600)
class JournalOutageTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final int PARTITIONS = 2;
  private static final String CONNECTOR = "outage";

  private final TestClusters kafka = TestClusters.shared();
  private final String topic = "outage-" + Long.toHexString(System.nanoTime());

  @Test
  void aFullJournalDiskIsReportedAndTheNodeRecoversByItselfOnceSpaceIsFree() throws Exception {
    Path mount = Files.createTempDirectory("ferry-journal-fs-");
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString()),
        "this test mounts a small tmpfs for the journal and needs root (mount -t tmpfs) to do so");
    ProcessCluster node = null;
    try (SequencedLoad load = SequencedLoad.start(kafka.source().bootstrapServers(), createTopic(), PARTITIONS, 100, 200)) {
      Path dataDir = TestNodes.newDataDir();
      Path log = Path.of("target", "journal-outage-logs", topic + ".log").toAbsolutePath();
      node = ProcessCluster.startOnH2(kafka.target().bootstrapServers(), dataDir, log,
          Map.of("ferry.discovery.interval", "2s"),
          Map.of("FERRY_DB_URL", "jdbc:h2:file:" + mount + "/ferry;DB_CLOSE_ON_EXIT=FALSE"));
      NodeProcess process = node.nodes().get(0);
      ConnectClient api = new ConnectClient(process.restUrl());
      api.create(CONNECTOR, replicator("${topic}.replica"));
      Await.until(Duration.ofSeconds(90), () -> allTasks(api, "RUNNING") && persistedTotal(api) > 0,
          () -> "the connector's flows run and checkpoint: " + api.get("/connectors/" + CONNECTOR + "/status"));

      Path filler = fill(mount);
      AtomicReference<ConnectClient.Response> health = new AtomicReference<>();
      Await.until(Duration.ofSeconds(30), () -> {
        health.set(api.get("/health"));
        return health.get().status() == 503;
      }, () -> "/health fails once the journal's disk is full: " + health.get());
      assertTrue(health.get().json().path("message").asText().contains("No space left on device"),
          "/health names the reason: " + health.get());
      HttpResponse<String> ready = ready(process);
      assertTrue(ready.statusCode() != 200 && ready.body().contains("The journal cannot be written"),
          "/ready fails with the reason: " + ready.statusCode() + " " + ready.body());

      long asked = System.nanoTime();
      ConnectClient.Response refused = api.post("/connectors", Map.of("name", "during-outage",
          "config", replicator("${topic}.during")));
      double seconds = (System.nanoTime() - asked) / 1e9;
      assertEquals(503, refused.status(), "a write is refused as unavailable: " + refused);
      assertTrue(seconds < 5, "and at once, not after the ask timeout: " + seconds + " s");
      assertTrue(refused.json().path("message").asText().contains("journal cannot be written"),
          "with a message that says why: " + refused);

      // A status taken while the journal stays unwritable shows the connector FAILED with the reason, at once.
      AtomicReference<ConnectClient.Response> during = new AtomicReference<>();
      AtomicReference<Double> statusSeconds = new AtomicReference<>();
      Await.until(Duration.ofSeconds(30), () -> {
        if (api.get("/health").status() != 503) {
          return false;
        }
        long statusAsked = System.nanoTime();
        during.set(api.get("/connectors/" + CONNECTOR + "/status"));
        statusSeconds.set((System.nanoTime() - statusAsked) / 1e9);
        return api.get("/health").status() == 503;
      }, () -> "a status taken while /health fails throughout: " + during.get());
      assertEquals(200, during.get().status(), "status answers while the journal is full: " + during.get());
      assertTrue(statusSeconds.get() < 5, "status answers quickly: " + statusSeconds.get() + " s");
      assertEquals("FAILED", during.get().json().path("connector").path("state").asText(),
          "the connector is not shown RUNNING: " + during.get());
      assertTrue(during.get().json().path("connector").path("trace").asText().contains("journal cannot be written"),
          "its trace names the journal: " + during.get());

      // Every flow checkpoints once a second: each one fails to, stops, and shows why. Sharding restarts
      // each one every 10 s; it runs until its next checkpoint fails (H2 closes itself after a failed
      // write and opens again on a new connection, writing into free space inside its file a while).
      AtomicReference<ConnectClient.Response> status = new AtomicReference<>();
      Await.until(Duration.ofSeconds(60), () -> {
        status.set(api.get("/connectors/" + CONNECTOR + "/status"));
        return allTasks(status.get(), "FAILED");
      }, () -> "a status with every flow FAILED after the journal failed: " + status.get());
      for (JsonNode task : status.get().json().path("tasks")) {
        assertTrue(task.path("trace").asText().contains("journal"), "each flow's trace names the journal: " + status.get());
      }

      Files.delete(filler);
      Await.until(Duration.ofSeconds(90), () -> api.get("/health").status() == 200 && ready(process).statusCode() == 200,
          () -> "/health and /ready pass again once there is space: " + api.get("/health"));
      Await.until(Duration.ofSeconds(120), () -> allTasks(api, "RUNNING"),
          () -> "every flow runs again by itself: " + api.get("/connectors/" + CONNECTOR + "/status"));
      assertEquals("RUNNING", api.connectorState(CONNECTOR), "the connector is RUNNING again");
      api.create("after-outage", replicator("${topic}.after"));

      long produced = load.stop();
      Await.until(Duration.ofSeconds(120), () -> persistedTotal(api) >= produced,
          () -> "every record copied and checkpointed: " + persistedTotal(api) + " of " + produced);
      Reconciliation r = Reconciliation.of(TopicData.digest(kafka.source().bootstrapServers(), topic, Duration.ofMinutes(1)),
          TopicData.digest(kafka.target().bootstrapServers(), topic + ".replica", Duration.ofMinutes(1)));
      System.out.println("journal outage: " + r.summary());
      assertEquals(0, r.lost(), "nothing lost across the outage: " + r.summary());
      assertTrue(r.problems().isEmpty(), "order kept: " + r.summary());
    } finally {
      if (node != null) {
        node.close();
      }
      run("umount", "-l", mount.toString());
    }
  }

  private String createTopic() {
    TopicData.createTopic(kafka.source().bootstrapServers(), topic, PARTITIONS);
    return topic;
  }

  private Map<String, String> replicator(String rename) {
    return Map.of(
        "connector.class", "FerryReplicatorSourceConnector",
        "src.kafka.bootstrap.servers", kafka.source().bootstrapServers(),
        "topic.whitelist", topic,
        "topic.rename.format", rename);
  }

  private static boolean allTasks(ConnectClient api, String state) {
    return allTasks(api.get("/connectors/" + CONNECTOR + "/status"), state);
  }

  private static boolean allTasks(ConnectClient.Response status, String state) {
    JsonNode tasks = status.json().path("tasks");
    if (tasks.size() != PARTITIONS) {
      return false;
    }
    for (JsonNode task : tasks) {
      if (!state.equals(task.path("state").asText())) {
        return false;
      }
    }
    return true;
  }

  private static long persistedTotal(ConnectClient api) {
    long total = 0;
    for (JsonNode flow : api.get("/flows?connector=" + CONNECTOR).json()) {
      total += Math.max(0, flow.path("offset").asLong());
    }
    return total;
  }

  /** Writes a file until the filesystem has no space left; returns it (delete it to free the space). */
  private static Path fill(Path mount) throws IOException {
    Path filler = mount.resolve("filler");
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
    return filler;
  }

  private static HttpResponse<String> ready(NodeProcess node) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.managementPort() + "/ready"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET /ready failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      boolean ok = process.waitFor() == 0;
      if (!ok) {
        System.out.println(String.join(" ", command) + ": " + output.trim());
      }
      return ok;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
