package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.node.FerryNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Upgrades keep data: a node of this version started on the journal a Ferry 0.1 node wrote
 * ({@code upgrade/journal-0.1.0.mv.db}, made by {@link JournalFixtureWriter}; on H2, and copied into
 * PostgreSQL in the suite's second run) finds every connector in the state it was left in and
 * resumes every replicator and MirrorMaker 2 flow exactly at its persisted offset: the new target
 * receives the records after the fixture's offsets, each once, and none before.
 */
@Timeout(300)
class JournalUpgradeTest {

  private static final int MORE = 100;

  @Test
  void connectorsKeepTheirStateAndFlowsResumeAtTheirPersistedOffsets() throws Exception {
    JsonNode fixture = new ObjectMapper().readTree(
        JournalUpgradeTest.class.getResourceAsStream("/upgrade/journal-0.1.0.json"));
    TestClusters clusters = TestClusters.shared();
    String source = clusters.source().bootstrapServers();
    String target = clusters.target().bootstrapServers();
    // The fixture's source topics again, as far as the old node had copied them, plus MORE records each.
    Map<String, int[]> counts = new HashMap<>();
    fixture.path("partitionCounts").fields().forEachRemaining(topic -> {
      int[] perPartition = new int[topic.getValue().size()];
      for (int p = 0; p < perPartition.length; p++) {
        perPartition[p] = topic.getValue().get(p).asInt();
      }
      counts.put(topic.getKey(), perPartition);
      TopicData.createTopic(source, topic.getKey(), perPartition.length);
      for (int p = 0; p < perPartition.length; p++) {
        JournalFixture.produce(source, topic.getKey(), p, 0, perPartition[p] + MORE);
      }
    });

    Path dataDir = TestNodes.newDataDir();
    JournalFixture.install(Path.of(JournalUpgradeTest.class.getResource("/upgrade/journal-0.1.0.mv.db").toURI()),
        dataDir, Map.of(fixture.path("sourceBootstrap").asText(), source,
            fixture.path("targetBootstrap").asText(), target));
    FerryNode node = TestNodes.start(dataDir, target);
    try {
      ConnectClient api = new ConnectClient(node.restUrl());
      assertEquals(List.of("legacy-mm2", "legacy-mm2-checkpoint", "legacy-mm2-heartbeat", "legacy-paused",
          "legacy-replicator", "legacy-stopped"), names(api.get("/connectors").json()),
          "every connector of the old journal is there");
      Await.until(Duration.ofSeconds(60), () -> "PAUSED".equals(api.connectorState("legacy-paused"))
          && "STOPPED".equals(api.connectorState("legacy-stopped")),
          () -> "paused and stopped connectors stay so: " + api.get("/connectors?expand=status").body());
      assertEquals(150, api.get("/connectors/legacy-stopped/offsets").json().path("offsets").get(0)
          .path("offset").path("offset").asLong(), "the stopped connector's offset reads as persisted");

      Map<String, String> copies = Map.of("legacy.a", "legacy.a.replica", "legacy.b", "legacy.b.replica",
          "legacy.m", "primary.legacy.m");
      for (Map.Entry<String, String> copy : copies.entrySet()) {
        int[] perPartition = counts.get(copy.getKey());
        for (int p = 0; p < perPartition.length; p++) {
          TopicPartition tp = new TopicPartition(copy.getValue(), p);
          Await.until(Duration.ofSeconds(120), () -> count(target, tp) >= MORE,
              () -> tp + " receives the records after the persisted offset");
          List<Long> seqs = sequences(target, tp);
          List<Long> expected = new ArrayList<>();
          for (long n = perPartition[p]; n < perPartition[p] + MORE; n++) {
            expected.add(n);
          }
          assertEquals(expected, seqs, tp + " holds exactly source records " + perPartition[p] + ".."
              + (perPartition[p] + MORE - 1) + ": resumed at the 0.1 offset, nothing repeated, nothing lost");
        }
      }
      assertTrue(count(target, new TopicPartition("legacy.c.replica", 0)) == 0,
          "the paused connector copies nothing after the upgrade");
      Await.until(Duration.ofSeconds(60), () -> count(target, new TopicPartition("heartbeats", 0)) > 0,
          () -> "the heartbeat connector beats again");
      Await.until(Duration.ofSeconds(60), () -> "RUNNING".equals(api.get("/connectors/legacy-mm2-checkpoint/status")
              .json().path("tasks").path(0).path("state").asText()),
          () -> "the checkpoint flow runs: " + api.get("/connectors/legacy-mm2-checkpoint/status").body());
    } finally {
      node.stop(Duration.ofSeconds(60));
    }
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    out.sort(null);
    return out;
  }

  private static long count(String bootstrap, TopicPartition tp) {
    if (!Mm2.topics(bootstrap).contains(tp.topic())) {
      return 0;
    }
    return Mm2.readAll(bootstrap, tp).size();
  }

  private static List<Long> sequences(String bootstrap, TopicPartition tp) {
    List<Long> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : Mm2.readAll(bootstrap, tp)) {
      out.add(Mm2.seq(record));
    }
    return out;
  }
}
