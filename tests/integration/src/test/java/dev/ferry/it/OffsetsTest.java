package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Connect offsets API (KIP-875) against real brokers: a stopped connector's flow moved to
 * offset K copies the source from K on after resume, a reset one copies from the beginning, and
 * GET shows each flow's offset in MirrorMaker 2's keys.
 */
@Timeout(240)
class OffsetsTest extends OneNodeTestBase {

  private static final String TOPIC = "offsets-moved";
  private static final String COPY = TOPIC + ".replica";
  private static final String NAME = "offsets-moved";

  @Test
  void aFlowMovedToOffsetKResumesAtKAndAResetOneFromTheBeginning() {
    String source = source();
    String target = target();
    TopicData.createTopic(source, TOPIC, 2);
    TopicData.produce(source, TOPIC, 2, 0, 1_000, 50);
    api.create(NAME, Replicator.whitelist(source, TOPIC, "${topic}.replica"));
    Await.until(Duration.ofSeconds(60), () -> offsetOf(0) == 1_000 && offsetOf(1) == 1_000,
        () -> "both flows persisted offset 1000: " + api.get("/connectors/" + NAME + "/offsets"));

    JsonNode first = api.get("/connectors/" + NAME + "/offsets").json().get("offsets").get(0);
    assertEquals(source, first.path("partition").path("cluster").asText(),
        "the partition names the source cluster: " + first);
    assertEquals(TOPIC, first.path("partition").path("topic").asText(), "and the source topic: " + first);
    assertEquals(1_000, first.path("offset").path("offset").asLong(), "the offset is the next one to copy: " + first);

    ConnectClient.Response refused = patch(0, 400);
    assertEquals(400, refused.status(), "a running connector's offsets cannot be moved: " + refused);

    assertEquals(204, api.put("/connectors/" + NAME + "/stop", null).status(), "stop");
    ConnectClient.Response moved = patch(0, 400);
    assertEquals(200, moved.status(), "a stopped connector's offsets move: " + moved);
    assertEquals("The offsets for this connector have been altered successfully", moved.json().path("message").asText(),
        "Connect's answer: " + moved);
    assertEquals(400, offsetOf(0), "GET shows the moved offset");
    assertEquals(1_000, offsetOf(1), "the other flow's offset is untouched");

    TopicData.produce(source, TOPIC, 2, 1_000, 500, 50);
    assertEquals(202, api.put("/connectors/" + NAME + "/resume", null).status(), "resume");
    Await.until(Duration.ofSeconds(60), () -> copied(target) == 1_000 + 1_100 + 1_500,
        () -> "partition 0 copied again from 400, partition 1 continued: target has " + copied(target));
    Map<Integer, TopicData.PartitionDigest> copy = TopicData.digest(target, COPY, Duration.ofSeconds(30));
    assertArrayEquals(LongStream.concat(LongStream.range(0, 1_000), LongStream.range(400, 1_500)).toArray(),
        copy.get(0).sequence(), "partition 0: records 0..999, then from the moved offset 400 on, in order");
    assertArrayEquals(LongStream.range(0, 1_500).toArray(), copy.get(1).sequence(),
        "partition 1 continued from its own offset, without duplicates");

    assertEquals(204, api.put("/connectors/" + NAME + "/stop", null).status(), "stop again");
    ConnectClient.Response reset = api.delete("/connectors/" + NAME + "/offsets");
    assertEquals(200, reset.status(), "a stopped connector's offsets reset: " + reset);
    assertEquals("The offsets for this connector have been reset successfully", reset.json().path("message").asText(),
        "Connect's answer: " + reset);
    assertEquals(0, api.get("/connectors/" + NAME + "/offsets").json().path("offsets").size(),
        "no flow has an offset after the reset");
    assertEquals(202, api.put("/connectors/" + NAME + "/resume", null).status(), "resume after the reset");
    Await.until(Duration.ofSeconds(60), () -> copied(target) == 3_600 + 2 * 1_500,
        () -> "both partitions copied again from offset 0: target has " + copied(target));
    JsonNode topics = api.get("/connectors/" + NAME + "/topics").json();
    assertEquals("[\"" + TOPIC + "\"]", topics.path(NAME).path("topics").toString(), "the used source topic: " + topics);
  }

  private static ConnectClient.Response patch(int partition, long offset) {
    return api.patch("/connectors/" + NAME + "/offsets", "{\"offsets\":[{\"partition\":{\"cluster\":\""
        + source() + "\",\"topic\":\"" + TOPIC + "\",\"partition\":" + partition
        + "},\"offset\":{\"offset\":" + offset + "}}]}");
  }

  private static long offsetOf(int partition) {
    for (JsonNode entry : api.get("/connectors/" + NAME + "/offsets").json().path("offsets")) {
      if (entry.path("partition").path("partition").asInt() == partition) {
        return entry.path("offset").path("offset").asLong();
      }
    }
    return -1;
  }

  private static long copied(String target) {
    return TopicData.total(TopicData.digest(target, COPY, Duration.ofSeconds(30)));
  }
}
