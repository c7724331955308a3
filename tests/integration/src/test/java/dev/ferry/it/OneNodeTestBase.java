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
 * Base of the integration tests that need one Ferry node: the JVM's shared source and target
 * clusters, a node with its own data directory for the test class, and a Connect API client.
 * Subclasses name their own topics and connectors, so they never see each other's data.
 */
abstract class OneNodeTestBase {

  protected static TestClusters clusters;
  protected static FerryNode node;
  protected static ConnectClient api;

  @BeforeAll
  static void startNode() {
    clusters = TestClusters.shared();
    node = TestNodes.start(TestNodes.newDataDir(), clusters.target().bootstrapServers(), Map.of());
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
}
