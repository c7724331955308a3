package dev.ferry.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.node.FerryNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the journal fixture of {@code JournalUpgradeTest}: a node of the version that wrote it
 * runs a replicator (running), a paused and a stopped replicator, and MirrorMaker 2's source,
 * checkpoint and heartbeat connectors until every record is copied, then stops gracefully; its H2
 * journal file and a description of what it holds are copied to {@code src/test/resources/upgrade}.
 *
 * <p>Not a test: run it by hand, on the version whose journal format the fixture is to preserve,
 * with {@code mvn -f tests/integration/pom.xml test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.ferry.it.JournalFixtureWriter -Dexec.args=<output dir>}.
 */
public final class JournalFixtureWriter {

  private JournalFixtureWriter() {}

  /** Writes the fixture into {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "tests/integration/src/test/resources/upgrade");
    TestClusters clusters = TestClusters.startNew();
    String source = clusters.source().bootstrapServers();
    String target = clusters.target().bootstrapServers();
    Map<String, int[]> topics = new LinkedHashMap<>();
    topics.put("legacy.a", new int[] {300, 400, 500});
    topics.put("legacy.b", new int[] {250, 350});
    topics.put("legacy.c", new int[] {200});
    topics.put("legacy.d", new int[] {150});
    topics.put("legacy.m", new int[] {220, 180});
    topics.forEach((topic, counts) -> {
      TopicData.createTopic(source, topic, counts.length);
      for (int p = 0; p < counts.length; p++) {
        JournalFixture.produce(source, topic, p, 0, counts[p]);
      }
    });
    Path dataDir = TestNodes.newDataDir();
    // Small checkpoint windows and snapshots every few events: the fixture holds both.
    FerryNode node = TestNodes.start(dataDir, target, Map.of(
        "ferry.flow.checkpoint-max-records", 50, "ferry.persistence.snapshot-every", 2));
    ConnectClient api = new ConnectClient(node.restUrl());
    api.create("legacy-replicator", Replicator.whitelist(source, "legacy.a,legacy.b", "${topic}.replica"));
    api.create("legacy-paused", Replicator.whitelist(source, "legacy.c", "${topic}.replica"));
    api.create("legacy-stopped", Replicator.whitelist(source, "legacy.d", "${topic}.replica"));
    api.create("legacy-mm2", Mm2.source("primary", source, "backup", target, "legacy\\.m"));
    Map<String, String> checkpoint = Mm2.source("primary", source, "backup", target, "legacy\\.m");
    checkpoint.put("connector.class", "MirrorCheckpointConnector");
    checkpoint.put("checkpoints.topic.replication.factor", "1");
    checkpoint.put("emit.checkpoints.interval.seconds", "1");
    api.create("legacy-mm2-checkpoint", checkpoint);
    Map<String, String> heartbeat = Mm2.source("primary", source, "backup", target, "legacy\\.m");
    heartbeat.put("connector.class", "MirrorHeartbeatConnector");
    heartbeat.put("heartbeats.topic.replication.factor", "1");
    heartbeat.put("emit.heartbeats.interval.seconds", "1");
    api.create("legacy-mm2-heartbeat", heartbeat);

    Map<String, String> targets = Map.of("legacy.a", "legacy.a.replica", "legacy.b", "legacy.b.replica",
        "legacy.c", "legacy.c.replica", "legacy.d", "legacy.d.replica", "legacy.m", "primary.legacy.m");
    for (Map.Entry<String, int[]> topic : topics.entrySet()) {
      long expected = java.util.Arrays.stream(topic.getValue()).sum();
      String copy = targets.get(topic.getKey());
      Await.until(Duration.ofSeconds(120),
          () -> TopicData.total(TopicData.digest(target, copy, Duration.ofSeconds(30))) == expected,
          () -> copy + " holds all " + expected + " records");
    }
    // Every flow has persisted its last offset before the connectors change state.
    for (String name : List.of("legacy-replicator", "legacy-paused", "legacy-stopped", "legacy-mm2")) {
      Await.until(Duration.ofSeconds(60), () -> persistedAll(api, name, topics),
          () -> name + " persisted the end offset of every partition: " + api.get("/connectors/" + name + "/offsets"));
    }
    api.put("/connectors/legacy-paused/pause", null);
    api.put("/connectors/legacy-stopped/stop", null);
    Await.until(Duration.ofSeconds(60), () -> "PAUSED".equals(api.connectorState("legacy-paused"))
        && "STOPPED".equals(api.connectorState("legacy-stopped")), () -> "paused and stopped");
    node.stop(Duration.ofSeconds(60));

    Files.createDirectories(out);
    Files.copy(dataDir.resolve("journal").resolve("ferry.mv.db"), out.resolve("journal-0.1.0.mv.db"),
        StandardCopyOption.REPLACE_EXISTING);
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("writtenBy", "Ferry 0.1.0 (commit b17ce5b)");
    description.put("sourceBootstrap", source);
    description.put("targetBootstrap", target);
    description.put("partitionCounts", topics);
    description.put("targetTopics", targets);
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("journal-0.1.0.json").toFile(), description);
    System.out.println("fixture written to " + out.toAbsolutePath());
    clusters.close();
    System.exit(0);
  }

  private static boolean persistedAll(ConnectClient api, String name, Map<String, int[]> topics) {
    var offsets = api.get("/connectors/" + name + "/offsets").json();
    if (offsets == null || offsets.path("offsets").isEmpty()) {
      return false;
    }
    for (var entry : offsets.path("offsets")) {
      String topic = entry.path("partition").path("topic").asText();
      int partition = entry.path("partition").path("partition").asInt();
      if (entry.path("offset").path("offset").asLong() != topics.get(topic)[partition]) {
        return false;
      }
    }
    return true;
  }
}
