package dev.ferry.it;

import dev.ferry.node.FerryNode;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the MirrorMaker 2 integration tests: like {@link OneNodeTestBase}, but the node's own
 * discovery interval is 10 minutes, so everything periodic a test sees comes from the connector's
 * MM2 keys ({@code refresh.topics.interval.seconds} ...). Each test class uses its own cluster
 * aliases and topic names on the JVM's shared clusters.
 */
abstract class MirrorTestBase {

  protected static TestClusters clusters;
  protected static FerryNode node;
  protected static ConnectClient api;

  @BeforeAll
  static void startNode() {
    clusters = TestClusters.shared();
    node = TestNodes.start(TestNodes.newDataDir(), clusters.target().bootstrapServers(),
        Map.of("ferry.discovery.interval", "10m"));
    api = new ConnectClient(node.restUrl());
  }

  @AfterAll
  static void stopNode() {
    node.stop(Duration.ofSeconds(60));
  }

  /** Bootstrap servers of the source cluster. */
  protected static String source() {
    return clusters.source().bootstrapServers();
  }

  /** Bootstrap servers of the target cluster. */
  protected static String target() {
    return clusters.target().bootstrapServers();
  }

  /** The connector's status JSON, for assertion messages. */
  protected static String status(String connector) {
    return api.get("/connectors/" + connector + "/status").body();
  }
}
