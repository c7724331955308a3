package dev.ferry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.system.NodeProcess;
import dev.ferry.system.ProcessCluster;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TopicData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the Ferry node process while it indexes: the restarted node re-reads from
 * the last durable offset and re-writes the same documents under the same ids (the offset as
 * external version), so the index ends holding every record of the topic exactly once.
 */
class KillNodeTest {

  @Test
  void killedNodeResumesAndTheIndexHoldsEveryRecordOnce() throws Exception {
    TestClusters clusters = TestClusters.shared();
    OpenSearchProcess search = OpenSearchProcess.shared();
    SearchHttp index = new SearchHttp(search.url());
    String kafka = clusters.target().bootstrapServers();
    String topic = "kill-idx";
    int partitions = 2;
    long records = 40_000;
    TopicData.createTopic(kafka, topic, partitions);
    Records.produce(kafka, topic, partitions, records, n -> "k" + n, n -> "{\"seq\":" + n + "}");
    assertEquals(records, Admin.endOffsetSum(kafka, topic), "the topic holds the records");

    Path logs = Files.createTempDirectory("ferry-search-kill-");
    try (ProcessCluster cluster = ProcessCluster.start(1, kafka, logs, Map.of())) {
      NodeProcess node = cluster.nodes().get(0);
      ConnectClient api = new ConnectClient(node.restUrl());
      Map<String, String> config = new java.util.HashMap<>(Map.of(
          "connector.class", "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
          "topics", topic, "connection.url", search.url(),
          "key.converter", "org.apache.kafka.connect.storage.StringConverter",
          "value.converter", "org.apache.kafka.connect.json.JsonConverter",
          "value.converter.schemas.enable", "false", "batch.size", "250", "max.in.flight.requests", "2"));
      api.create(topic, config);
      Await.until(Duration.ofMinutes(3), () -> index.count(topic) >= records / 10,
          () -> "a tenth indexed before the kill, has " + index.count(topic));

      node.kill();
      long atKill = index.count(topic);
      assertTrue(atKill < records, "the kill comes mid-indexing (" + atKill + " of " + records + ")");
      node.start();
      node.awaitReady(Duration.ofMinutes(2));

      Await.until(Duration.ofMinutes(4), () -> {
        long count = index.count(topic);
        if (count > records) {
          throw new AssertionError(topic + " holds " + count + " documents, more than the topic's " + records);
        }
        return count == records;
      }, () -> "index count = topic count " + records + ", has " + index.count(topic) + " (at kill " + atKill + ")");
      JsonNode sum = index.search(topic, "{\"size\":0,\"aggs\":{\"s\":{\"sum\":{\"field\":\"seq\"}}}}");
      assertEquals((double) records * (records - 1) / 2, sum.path("aggregations").path("s").path("value").asDouble(),
          0.0, "every seq once: index count = topic count, no record missing, none twice");
      for (long n = 0; n < records; n += 4999) {
        JsonNode doc = index.document(topic, "k" + n);
        assertEquals(n / partitions, doc.path("_version").asLong(), "k" + n + "'s version is its offset");
      }
    }
  }
}
