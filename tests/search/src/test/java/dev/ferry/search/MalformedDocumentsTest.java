package dev.ferry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documents the server rejects (a mapping conflict: text in a {@code long} field) under each
 * {@code behavior.on.malformed.documents}, with the engine's {@code errors.tolerance} and dead
 * letter queue: partition 1 holds two bad records (offsets 3 and 7) among ten, partition 0 ten
 * good ones, which every behavior indexes in full.
 */
class MalformedDocumentsTest extends SearchTestBase {

  private static final int PER_PARTITION = 10;

  @BeforeAll
  static void start() {
    startNode(Map.of());
  }

  /** Creates the topic and an index whose {@code age} is a long, then produces good and bad records. */
  private static void prepare(String topic) {
    index.createIndex(topic, "{\"mappings\":{\"properties\":{\"age\":{\"type\":\"long\"}}}}");
    TopicData.createTopic(kafka(), topic, 2);
    produce(topic, 2, 2 * PER_PARTITION, n -> null, n -> {
      long offset = n / 2;
      boolean bad = n % 2 == 1 && (offset == 3 || offset == 7);
      return "{\"age\":" + (bad ? "\"not-a-number\"" : String.valueOf(n)) + "}";
    });
  }

  private static Map<String, String> sink(String topic, String behavior, String... more) {
    Map<String, String> config = IndexingTest.sink(topic, more);
    config.put("key.ignore", "true");
    config.put("behavior.on.malformed.documents", behavior);
    return config;
  }

  private static void assertGoodDocumentsIndexed(String topic) {
    for (int offset = 0; offset < PER_PARTITION; offset++) {
      assertNotNull(index.document(topic, topic + "+0+" + offset), "partition 0's record " + offset + " is indexed");
      if (offset == 3 || offset == 7) {
        assertNull(index.document(topic, topic + "+1+" + offset), "the malformed record 1@" + offset + " is not");
      } else {
        assertNotNull(index.document(topic, topic + "+1+" + offset), "partition 1's good record " + offset + " is");
      }
    }
  }

  @Test
  void failWithoutToleranceFailsOnlyThatPartitionsFlowNamingDocumentAndReason() {
    String topic = "mal-fail";
    prepare(topic);
    api.create(topic, sink(topic, "fail"));

    Await.until(INDEXED, () -> {
      String status = api.get("/connectors/" + topic + "/status").body();
      return status.contains("mal-fail+1+3") && status.contains("mapper_parsing_exception");
    }, () -> "a task trace naming document mal-fail/mal-fail+1+3 and the server's reason: "
        + api.get("/connectors/" + topic + "/status").body());
    awaitCount(topic, 2 * PER_PARTITION - 2);
    assertGoodDocumentsIndexed(topic);
    assertEquals(0, Admin.endOffsetSum(kafka(), topic + "-dlq"), "no dead letter queue configured, none written");
  }

  @Test
  void failWithToleranceSendsRejectedRecordsToTheDeadLetterQueue() {
    String topic = "mal-dlq";
    prepare(topic);
    api.create(topic, sink(topic, "fail", "errors.tolerance", "all",
        "errors.deadletterqueue.topic.name", topic + "-dlq", "errors.deadletterqueue.topic.replication.factor", "1",
        "errors.deadletterqueue.context.headers.enable", "true"));

    Await.until(INDEXED, () -> Admin.endOffsetSum(kafka(), topic + "-dlq") == 2,
        () -> "the two rejected records in " + topic + "-dlq, found " + Admin.endOffsetSum(kafka(), topic + "-dlq"));
    awaitCount(topic, 2 * PER_PARTITION - 2);
    assertGoodDocumentsIndexed(topic);
    Await.holdsFor(Duration.ofSeconds(3), () -> Admin.endOffsetSum(kafka(), topic + "-dlq") == 2,
        () -> "exactly two dead letters, no retries landing there");
    assertEquals("RUNNING", api.connectorState(topic), "tolerated errors keep the connector running");
  }

  @Test
  void warnAndIgnoreSkipRejectedDocumentsAndKeepRunning() {
    for (String behavior : new String[] {"warn", "ignore"}) {
      String topic = "mal-" + behavior;
      prepare(topic);
      api.create(topic, sink(topic, behavior));
      awaitCount(topic, 2 * PER_PARTITION - 2);
      assertGoodDocumentsIndexed(topic);
      Await.until(INDEXED, () -> api.get("/connectors/" + topic + "/offsets").body().contains("\"kafka_offset\":10"),
          () -> behavior + ": both partitions' positions pass the skipped documents: "
              + api.get("/connectors/" + topic + "/offsets").body());
      assertEquals("RUNNING", api.connectorState(topic), behavior + " keeps the connector running");
      String status = api.get("/connectors/" + topic + "/status").body();
      assertEquals(false, status.contains("FAILED"), behavior + ": no task failed: " + status);
    }
  }
}
