package dev.ferry.it;

import dev.ferry.node.FerryNode;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of the integration tests that need one Ferry node: the JVM's shared source and target
 * clusters, a node with its own data directory for the test class, and a Connect API client.
 * Subclasses name their own topics and connectors, so they never see each other's data.
 */
abstract class OneNodeTestBase {

  protected static TestClusters clusters;
  protected static FerryNode node;
  protected static ConnectClient api;

  /**
   * Node settings ({@code key=value}) a test class, or a base it extends, puts over the test
   * defaults. An annotation, because JUnit runs a base's {@code @BeforeAll} even when a subclass
   * declares a static method of the same name, so a subclass cannot replace {@link #startNode}.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @Inherited
  @interface NodeSettings {
    String[] value();
  }

  @BeforeAll
  static void startNode(TestInfo test) {
    Map<String, String> settings = new HashMap<>();
    test.getTestClass().map(c -> c.getAnnotation(NodeSettings.class)).ifPresent(annotation -> {
      for (String setting : annotation.value()) {
        String[] keyValue = setting.split("=", 2);
        settings.put(keyValue[0], keyValue[1]);
      }
    });
    clusters = TestClusters.shared();
    node = TestNodes.start(TestNodes.newDataDir(), clusters.target().bootstrapServers(), settings);
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
