package dev.ferry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search server that stops answering mid-indexing (SIGSTOP): requests time out, are retried
 * with backoff up to {@code max.retries}, then the flow fails and the engine restarts it with its
 * own backoff; once the server answers again (SIGCONT) indexing goes on by itself, and the index
 * ends with every record once.
 */
class OutageTest extends SearchTestBase {

  @BeforeAll
  static void start() {
    startNode(Map.of());
  }

  @Test
  void unresponsiveServerPausesIndexingWhichResumesByItself() {
    String topic = "outage-idx";
    long records = 15_000;
    TopicData.createTopic(kafka(), topic, 1);
    produce(topic, 1, records, n -> "k" + n, n -> "{\"seq\":" + n + "}");
    api.create(topic, IndexingTest.sink(topic, "max.retries", "2", "retry.backoff.ms", "200",
        "read.timeout.ms", "2000", "batch.size", "500", "max.in.flight.requests", "1"));
    Await.until(INDEXED, () -> index.count(topic) > 1000, () -> "indexing to start: " + index.count(topic));

    search.pause();
    try {
      Await.until(INDEXED, () -> api.get("/connectors/" + topic + "/status").body().contains("max.retries"),
          () -> "the flow to fail after its retries: " + api.get("/connectors/" + topic + "/status").body());
    } finally {
      search.resume();
    }

    awaitCount(topic, records);
    Await.until(INDEXED, () -> "RUNNING".equals(api.get("/connectors/" + topic + "/status").json()
            .path("tasks").path(0).path("state").asText()),
        () -> "the restarted flow to run: " + api.get("/connectors/" + topic + "/status").body());
    assertEquals(records, index.count(topic), "every record once after the outage");
  }
}
