package dev.ferry.console;

import dev.ferry.node.FerryNode;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the console's browser tests: the JVM's shared source and target clusters (real KRaft
 * brokers), one Ferry node per test class with its own data directory, a Connect API client to set
 * up and check what the page shows, and one headless Chromium for the class.
 */
abstract class ConsoleTestBase {

  protected static TestClusters clusters;
  protected static FerryNode node;
  protected static ConnectClient api;
  protected static Browser browser;

  @BeforeAll
  static void startNodeAndBrowser() {
    clusters = TestClusters.shared();
    node = TestNodes.start(TestNodes.newDataDir(), clusters.target().bootstrapServers());
    api = new ConnectClient(node.restUrl());
    browser = new Browser();
  }

  @AfterAll
  static void stopNodeAndBrowser() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      node.stop(Duration.ofSeconds(60));
    }
  }

  /** The console's URL on the test node, with a view's hash (e.g. {@code #/new}). */
  protected static String ui(String hash) {
    return node.restUrl() + "/ui/" + hash;
  }

  /** Bootstrap servers of the source cluster. */
  protected static String source() {
    return clusters.source().bootstrapServers();
  }

  /** A replicator config (seed 000's shape) copying the listed source topics to {@code <topic>.replica}. */
  protected static Map<String, String> replicator(String topics) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", "EMRReplicatorSourceConnector");
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("src.kafka.bootstrap.servers", source());
    config.put("topic.whitelist", topics);
    config.put("topic.rename.format", "${topic}.replica");
    return config;
  }

  /** The node's worker id ({@code host:port}), as {@code /flows} names it. */
  protected static String workerId() {
    return node.restUrl().replace("http://", "");
  }
}
