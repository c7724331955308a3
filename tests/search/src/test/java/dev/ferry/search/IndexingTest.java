package dev.ferry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.TopicData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What lands in the index, counted and compared document by document: 100,000 records with
 * offset ids, key ids (the offset as external version, so the newest record of a key wins),
 * upserts merging partial documents, and tombstones deleting.
 */
class IndexingTest extends SearchTestBase {

  @BeforeAll
  static void start() {
    startNode(Map.of());
  }

  /** A sink config reading plain JSON values and string keys. */
  static Map<String, String> sink(String topic, String... more) {
    Map<String, String> config = new HashMap<>(Map.of(
        "connector.class", "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
        "topics", topic, "connection.url", search.url(),
        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
        "value.converter", "org.apache.kafka.connect.json.JsonConverter",
        "value.converter.schemas.enable", "false",
        // a starved test server can take longer than 30 s for a bulk; a retry would only add to its load
        "read.timeout.ms", "120000"));
    for (int i = 0; i < more.length; i += 2) {
      config.put(more[i], more[i + 1]);
    }
    return config;
  }

  private static String value(long n) {
    return "{\"seq\":" + n + ",\"name\":\"record-" + n + "\",\"score\":" + (n % 97) * 1.5 + ",\"even\":" + (n % 2 == 0)
        + ",\"tags\":[\"t" + (n % 3) + "\"]}";
  }

  @Test
  void hundredThousandRecordsBecomeHundredThousandDocumentsWithTheirValues() {
    String topic = "idx-bulk";
    int partitions = 4;
    long records = 100_000;
    TopicData.createTopic(kafka(), topic, partitions);
    produce(topic, partitions, records, n -> "k" + n, IndexingTest::value);

    api.create("idx-bulk", sink(topic, "key.ignore", "true"));
    try {
      awaitCount(topic, records);
    } finally {
      api.delete("/connectors/idx-bulk"); // a slow run must not keep loading the server for the next tests
    }

    for (long n = 0; n < records; n += 997) {
      int partition = (int) (n % partitions);
      long offset = n / partitions;
      JsonNode doc = index.document(topic, topic + "+" + partition + "+" + offset);
      assertNotNull(doc, "record " + n + " should be document " + topic + "+" + partition + "+" + offset);
      JsonNode source = doc.path("_source");
      assertEquals(n, source.path("seq").asLong(), "seq of record " + n);
      assertEquals("record-" + n, source.path("name").asText(), "name of record " + n);
      assertEquals((n % 97) * 1.5, source.path("score").asDouble(), 0.0, "score of record " + n);
      assertEquals(n % 2 == 0, source.path("even").asBoolean(), "even of record " + n);
      assertEquals("t" + (n % 3), source.path("tags").path(0).asText(), "tags of record " + n);
    }
    JsonNode sum = index.search(topic, "{\"size\":0,\"aggs\":{\"s\":{\"sum\":{\"field\":\"seq\"}},"
        + "\"c\":{\"cardinality\":{\"field\":\"seq\",\"precision_threshold\":40000}}}}");
    assertEquals((double) records * (records - 1) / 2, sum.path("aggregations").path("s").path("value").asDouble(), 0.0,
        "the seq values sum to 0+1+...+99,999: every record once");
  }

  @Test
  void keyIdsKeepTheNewestRecordOfEachKeyVersionedByOffset() {
    String topic = "idx-keys";
    TopicData.createTopic(kafka(), topic, 1);
    // 300 records over 100 keys: key k(n % 100), so each key is written three times.
    produce(topic, 1, 300, n -> "k" + (n % 100), n -> "{\"seq\":" + n + "}");

    api.create("idx-keys", sink(topic));
    awaitCount(topic, 100);
    awaitSeq(topic, "k99", 299);
    for (int key = 0; key < 100; key++) {
      JsonNode doc = index.document(topic, "k" + key);
      assertEquals(200 + key, doc.path("_source").path("seq").asLong(), "k" + key + " holds its newest record");
      assertEquals(200 + key, doc.path("_version").asLong(), "k" + key + "'s version is that record's offset");
    }
  }

  @Test
  void upsertsMergePartialDocumentsByKey() {
    String topic = "idx-upsert";
    TopicData.createTopic(kafka(), topic, 1);
    produce(topic, 1, 40, n -> "u" + (n % 20), n -> n < 20 ? "{\"first\":" + n + "}" : "{\"second\":" + n + "}");

    api.create("idx-upsert", sink(topic, "write.method", "upsert"));
    awaitCount(topic, 20);
    awaitSeq(topic, "u19", 39, "second");
    for (int key = 0; key < 20; key++) {
      JsonNode source = index.document(topic, "u" + key).path("_source");
      assertEquals(key, source.path("first").asInt(-1), "u" + key + " keeps the field of its first record");
      assertEquals(20 + key, source.path("second").asInt(-1), "u" + key + " gains the field of its second record");
    }
  }

  @Test
  void tombstonesDeleteTheirKeysDocument() {
    String topic = "idx-delete";
    TopicData.createTopic(kafka(), topic, 1);
    produce(topic, 1, 10, n -> "d" + n, n -> "{\"seq\":" + n + "}");
    // then tombstones for the even keys, and one for a key never indexed
    produce(topic, 1, 6, n -> n == 5 ? "never-there" : "d" + (2 * n), n -> null);

    api.create("idx-delete", sink(topic, "behavior.on.null.values", "delete"));
    awaitSettledCount(topic, 5);
    for (int key = 0; key < 10; key++) {
      JsonNode doc = index.document(topic, "d" + key);
      if (key % 2 == 0) {
        assertNull(doc, "d" + key + " was deleted by its tombstone");
      } else {
        assertNotNull(doc, "d" + key + " has no tombstone and stays");
      }
    }
    dev.ferry.testkit.Await.until(INDEXED, () -> "RUNNING".equals(api.connectorState("idx-delete")),
        () -> "deleting a missing document is no error: " + api.get("/connectors/idx-delete/status"));
  }

  private static void awaitSeq(String topic, String id, long seq) {
    awaitSeq(topic, id, seq, "seq");
  }

  private static void awaitSeq(String topic, String id, long seq, String field) {
    dev.ferry.testkit.Await.until(INDEXED, () -> {
      JsonNode doc = index.document(topic, id);
      return doc != null && doc.path("_source").path(field).asLong(-1) == seq;
    }, () -> id + " to hold " + field + "=" + seq + ", has " + index.document(topic, id));
  }
}
