package dev.ferry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same connector against real Elasticsearch servers (Elastic's integ-test-zip distributions
 * from Maven Central; 8.15.0 by default, {@code -Dferry.search.elasticsearch=7.10.2,8.15.0,9.0.0}
 * for more): key ids with offsets as versions, tombstone deletes, offset ids over two partitions,
 * and a rejected document under {@code warn}, each counted.
 */
class ElasticsearchTest extends SearchTestBase {

  @BeforeAll
  static void start() {
    startNode(Map.of());
  }

  static Stream<String> versions() {
    return Arrays.stream(System.getProperty("ferry.search.elasticsearch", "8.15.0").split(","))
        .map(String::trim).filter(v -> !v.isEmpty());
  }

  @ParameterizedTest(name = "Elasticsearch {0}")
  @MethodSource("versions")
  void indexesDeletesAndRejectsLikeOnOpenSearch(String version) {
    Assumptions.assumeTrue(ElasticsearchProcess.runnable(version), "Elasticsearch " + version + " needs Java 21");
    try (ElasticsearchProcess server = ElasticsearchProcess.start(
        Path.of(System.getProperty("ferry.search.distributions", "target/search-servers")), version)) {
      SearchHttp es = new SearchHttp(server.url());
      String prefix = "es" + version.replace('.', '-');

      String keys = prefix + "-keys";
      TopicData.createTopic(kafka(), keys, 1);
      produce(keys, 1, 30, n -> "k" + (n % 10), n -> "{\"seq\":" + n + "}");
      produce(keys, 1, 5, n -> "k" + n, n -> null);
      api.create(keys, config(server, keys, "behavior.on.null.values", "delete"));
      Await.until(INDEXED, () -> es.count(keys) == 5 && es.document(keys, "k9") != null
          && es.document(keys, "k9").path("_source").path("seq").asLong() == 29,
          () -> keys + " to settle at 5 documents, has " + es.count(keys) + "; " + api.get("/connectors/" + keys
              + "/status").body());
      for (int key = 0; key < 10; key++) {
        JsonNode doc = es.document(keys, "k" + key);
        if (key < 5) {
          assertNull(doc, version + ": k" + key + " deleted by its tombstone");
        } else {
          assertEquals(20 + key, doc.path("_version").asLong(), version + ": k" + key + "'s version is its offset");
        }
      }

      String ids = prefix + "-ids";
      TopicData.createTopic(kafka(), ids, 2);
      produce(ids, 2, 200, n -> null, n -> "{\"seq\":" + n + "}");
      api.create(ids, config(server, ids, "key.ignore", "true"));
      Await.until(INDEXED, () -> es.count(ids) == 200, () -> ids + " to hold 200, has " + es.count(ids));
      assertNotNull(es.document(ids, ids + "+1+99"), version + ": offset ids topic+partition+offset");

      String bad = prefix + "-bad";
      es.createIndex(bad, "{\"mappings\":{\"properties\":{\"seq\":{\"type\":\"long\"}}}}");
      TopicData.createTopic(kafka(), bad, 1);
      produce(bad, 1, 10, n -> null, n -> n == 4 ? "{\"seq\":\"four\"}" : "{\"seq\":" + n + "}");
      api.create(bad, config(server, bad, "key.ignore", "true", "behavior.on.malformed.documents", "warn"));
      Await.until(INDEXED, () -> api.get("/connectors/" + bad + "/offsets").body().contains("\"kafka_offset\":10"),
          () -> bad + "'s position to pass the rejected document: " + api.get("/connectors/" + bad + "/offsets").body());
      assertEquals(9, es.count(bad), version + ": all but the malformed document");
      assertNull(es.document(bad, bad + "+0+4"), version + ": the malformed document is skipped");
      for (String name : List.of(keys, ids, bad)) {
        api.delete("/connectors/" + name);
      }
    }
  }

  private static Map<String, String> config(ElasticsearchProcess server, String topic, String... more) {
    Map<String, String> config = IndexingTest.sink(topic, more);
    config.put("connection.url", server.url());
    return config;
  }
}
