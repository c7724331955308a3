package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A wrong bootstrap address does not crash the node: FAILED with a readable trace, then recovery. */
@Timeout(180)
class ConnectorFailureTest extends OneNodeTestBase {

  @Test
  void unreachableSourceReportsFailedAndRecoversAfterTheConfigIsFixed() {
    String source = source();
    String target = target();
    TopicData.createTopic(source, "wrongaddr", 2);
    TopicData.produce(source, "wrongaddr", 2, 0, 100, 100);
    String unreachable = "127.0.0.1:" + TestNodes.freePort();
    Map<String, String> bad = Replicator.whitelist(unreachable, "wrongaddr", "${topic}.replica");
    api.create("wrongaddr", bad);

    Await.until(Duration.ofSeconds(60), () -> "FAILED".equals(api.connectorState("wrongaddr")),
        () -> "connector FAILED: " + api.get("/connectors/wrongaddr/status"));
    String trace = api.get("/connectors/wrongaddr/status").json().path("connector").path("trace").asText();
    assertTrue(trace.contains("cannot discover its flows"), "the trace says what failed: " + trace);
    assertEquals(200, api.get("/").status(), "the node still serves the API");

    Map<String, String> fixed = Replicator.whitelist(source, "wrongaddr", "${topic}.replica");
    assertEquals(200, api.put("/connectors/wrongaddr/config", fixed).status(), "PUT config with the right address");
    Await.until(Duration.ofSeconds(60), () -> "RUNNING".equals(api.connectorState("wrongaddr")),
        () -> "connector RUNNING after the fix: " + api.get("/connectors/wrongaddr/status"));
    Await.until(Duration.ofSeconds(60),
        () -> TopicData.total(TopicData.digest(target, "wrongaddr.replica", Duration.ofSeconds(30))) == 200,
        () -> "records replicated after the fix: " + api.get("/connectors/wrongaddr/status"));
  }
}
