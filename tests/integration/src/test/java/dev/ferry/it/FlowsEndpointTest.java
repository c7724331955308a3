package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /flows} shows every flow with its node, offsets and lag, and the lag reaches zero. */
@Timeout(120)
class FlowsEndpointTest extends OneNodeTestBase {

  @Test
  void showsEachFlowWithOffsetsAndLagUntilCaughtUp() {
    TopicData.createTopic(source(), "flowsview", 2);
    TopicData.produce(source(), "flowsview", 2, 0, 300, 100);
    api.create("flowsview", Replicator.whitelist(source(), "flowsview", "${topic}.replica"));

    Await.until(Duration.ofSeconds(60), () -> {
      JsonNode flows = api.get("/flows?connector=flowsview").json();
      if (flows.size() != 2) {
        return false;
      }
      for (JsonNode flow : flows) {
        if (flow.path("offset_lag").asLong() != 0 || flow.path("offset").asLong() != 300) {
          return false;
        }
      }
      return true;
    }, () -> "both flows caught up at offset 300: " + api.get("/flows?connector=flowsview"));

    JsonNode first = api.get("/flows?connector=flowsview").json().get(0);
    assertEquals("flowsview", first.path("topic").asText(), "source topic shown");
    assertEquals("flowsview.replica", first.path("target_topic").asText(), "target topic shown");
    assertEquals("RUNNING", first.path("state").asText(), "state shown");
    assertEquals(node.restUrl().replace("http://", ""), first.path("worker_id").asText(), "the node that runs it");
    assertEquals(300, first.path("end_offset").asLong(), "the source partition's end offset");
    assertEquals(0, first.path("time_lag_ms").asLong(), "no time lag once caught up");
    assertEquals(300, first.path("records_replicated").asLong(), "records counted");

    JsonNode all = api.get("/flows").json();
    assertTrue(all.size() >= 2, "GET /flows without a filter lists this connector's flows too: " + all);
    assertEquals(404, api.get("/flows?connector=no-such-connector").status(), "unknown connector is a 404");
  }
}
