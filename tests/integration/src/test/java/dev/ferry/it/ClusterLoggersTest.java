package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.LogLevelBroadcast;
import dev.ferry.node.FerryNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code PUT /admin/loggers/{name}?scope=cluster} on a two-node cluster in this JVM: node A gets
 * the request and answers 204 as Connect 3.7 does, and node B applies the level too.
 *
 * <p>Both nodes share this JVM's logback, so B's {@code GET /admin/loggers/{name}} shows any
 * change made on A: that B itself applied a change is read from its {@link LogLevelBroadcast}
 * (the last change it took from the topic), which only a cluster-scope request reaches.
 */
@Timeout(180)
class ClusterLoggersTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final List<FerryNode> nodes = new ArrayList<>();
  private static FerryNode nodeA;
  private static FerryNode nodeB;
  private static ConnectClient apiA;
  private static ConnectClient apiB;

  @BeforeAll
  static void startCluster() {
    int portA = TestNodes.freePort();
    String unusedTarget = "127.0.0.1:" + TestNodes.freePort();
    nodeA = TestNodes.start(TestNodes.newDataDir(), unusedTarget, Map.of(
        "pekko.remote.artery.canonical.port", portA));
    nodes.add(nodeA);
    nodeB = TestNodes.start(TestNodes.newDataDir(), unusedTarget, Map.of(
        "ferry.cluster.join", "seed-nodes",
        "ferry.cluster.seed-nodes", "127.0.0.1:" + portA,
        "pekko.remote.artery.canonical.port", TestNodes.freePort()));
    nodes.add(nodeB);
    apiA = new ConnectClient(nodeA.restUrl());
    apiB = new ConnectClient(nodeB.restUrl());
    Await.until(PATIENCE, () -> upMembers(nodeA) == 2 && upMembers(nodeB) == 2,
        () -> "two Up members, seen from A: " + upMembers(nodeA) + ", from B: " + upMembers(nodeB));
  }

  @AfterAll
  static void stopCluster() {
    nodes.forEach(node -> node.stop(Duration.ofSeconds(20)));
  }

  @Test
  void clusterScopeAnswers204AndIsAppliedOnEveryNode() {
    String logger = "dev.ferry.clusterloggers.cluster";
    LogLevelBroadcast.SetLevel expected = new LogLevelBroadcast.SetLevel(logger, "TRACE",
        nodeA.system().address().toString());
    // B's subscription reaches A through the cluster's receptionist shortly after B joined: a change
    // published before that is not delivered to B (as with Connect, cluster scope is best effort).
    Await.until(PATIENCE, () -> {
      ConnectClient.Response put = apiA.put("/admin/loggers/" + logger + "?scope=cluster", "{\"level\":\"TRACE\"}");
      assertEquals(204, put.status(), "cluster scope answers 204 No Content: " + put);
      assertTrue(put.body() == null || put.body().isEmpty(), "with no body: " + put);
      return LogLevelBroadcast.get(nodeB.system()).lastApplied().equals(Optional.of(expected));
    }, () -> "node B to apply the change; its last one: " + LogLevelBroadcast.get(nodeB.system()).lastApplied());
    Await.until(PATIENCE, () -> "TRACE".equals(apiB.get("/admin/loggers/" + logger).json().path("level").asText()),
        () -> "B's GET to show TRACE: " + apiB.get("/admin/loggers/" + logger));
    assertEquals("TRACE", apiA.get("/admin/loggers/" + logger).json().path("level").asText(), "and A's");
    assertEquals(Optional.of(expected), LogLevelBroadcast.get(nodeA.system()).lastApplied(),
        "A applied it from the topic as well");
  }

  @Test
  void workerScopeAnswersTheLoggersAndChangesOnlyTheReceivingNode() {
    Optional<LogLevelBroadcast.SetLevel> before = LogLevelBroadcast.get(nodeB.system()).lastApplied();
    String logger = "dev.ferry.clusterloggers.worker";
    for (String path : List.of("/admin/loggers/" + logger, "/admin/loggers/" + logger + "?scope=worker")) {
      ConnectClient.Response put = apiA.put(path, "{\"level\":\"DEBUG\"}");
      assertEquals(200, put.status(), "worker scope answers 200: " + put);
      assertEquals("[\"" + logger + "\"]", put.body(), "with the affected loggers: " + put);
    }
    assertEquals("DEBUG", apiA.get("/admin/loggers/" + logger).json().path("level").asText(), "applied on A");
    Await.holdsFor(Duration.ofSeconds(2), () -> LogLevelBroadcast.get(nodeB.system()).lastApplied().equals(before),
        () -> "B got no change: " + LogLevelBroadcast.get(nodeB.system()).lastApplied());
  }

  @Test
  void anInvalidLevelIs404AsInConnectForEitherScope() {
    for (String scope : List.of("worker", "cluster")) {
      ConnectClient.Response put = apiA.put("/admin/loggers/dev.ferry.clusterloggers.bad?scope=" + scope,
          "{\"level\":\"LOUD\"}");
      assertEquals(404, put.status(), scope + " scope: " + put);
      assertEquals(404, put.json().path("error_code").asInt(), "Connect's error body: " + put);
      assertTrue(put.json().path("message").asText().startsWith("invalid log level 'LOUD'"), "Connect's message: " + put);
    }
  }

  private static long upMembers(FerryNode node) {
    return StreamSupport.stream(Cluster.get(node.system()).state().getMembers().spliterator(), false)
        .filter(member -> member.status() == MemberStatus.up()).count();
  }
}
