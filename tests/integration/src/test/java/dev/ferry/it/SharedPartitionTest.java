package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 1: several connectors read the same source partition on one node, each at its own
 * position, each paused on its own. Connector {@code a} has copied 100 records when {@code b}
 * starts from the beginning and {@code c} starts and is paused; 100 more records reach {@code a} and
 * {@code b} (200 each) but not the paused {@code c}, which catches up after its resume. In 0.1 the
 * second connector's flow replaced the first's feed and {@code a} silently stopped.
 */
class SharedPartitionTest extends OneNodeTestBase {

  @Test
  void threeConnectorsOnOnePartitionEachReadAtTheirOwnPositionAndPauseAlone() {
    String topic = "shared";
    TopicData.createTopic(source(), topic, 1);
    TopicData.produce(source(), topic, 1, 0, 100, 50);
    api.create("shared-a", Replicator.whitelist(source(), topic, "${topic}.a"));
    awaitCount("shared.a", 100);

    api.create("shared-b", Replicator.whitelist(source(), topic, "${topic}.b"));
    api.create("shared-c", Replicator.whitelist(source(), topic, "${topic}.c"));
    awaitCount("shared.b", 100);
    awaitCount("shared.c", 100);
    api.put("/connectors/shared-c/pause", null);
    Await.until(Duration.ofSeconds(60), () -> "PAUSED".equals(api.get("/connectors/shared-c/tasks/0/status").json()
        .path("state").asText()), () -> "c's flow is paused");

    TopicData.produce(source(), topic, 1, 100, 100, 50);
    awaitCount("shared.a", 200);
    awaitCount("shared.b", 200);
    assertEquals(100, count("shared.c"), "the paused connector copied nothing more");

    api.put("/connectors/shared-c/resume", null);
    awaitCount("shared.c", 200);
    for (String copy : new String[] {"shared.a", "shared.b", "shared.c"}) {
      var digest = TopicData.digest(target(), copy, Duration.ofSeconds(30)).get(0);
      assertEquals(0, digest.duplicates(), copy + " holds every record once");
      assertEquals(200, digest.count(), copy + " holds all 200 records");
    }
  }

  private static void awaitCount(String topic, long count) {
    Await.until(Duration.ofSeconds(60), () -> count(topic) == count,
        () -> topic + " holds " + count + " records, has " + count(topic));
  }

  private static long count(String topic) {
    return TopicData.total(TopicData.digest(target(), topic, Duration.ofSeconds(30)));
  }
}
