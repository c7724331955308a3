package dev.ferry.search;

import dev.ferry.node.FerryNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterAll;

/**
 * Base of the search tests: the module's one OpenSearch node and the JVM's Kafka clusters (both
 * shared, started once), and a Ferry node per test class writing from the target cluster. Test
 * classes name their own topics and indices, so they never see each other's documents.
 */
abstract class SearchTestBase {

  /** Generous: the machine is shared, and a starved OpenSearch node indexes a few hundred documents a second. */
  protected static final Duration INDEXED = Duration.ofMinutes(8);

  protected static TestClusters clusters;
  protected static OpenSearchProcess search;
  protected static SearchHttp index;
  protected static FerryNode node;
  protected static ConnectClient api;

  /** Starts the servers (once) and this class's Ferry node with {@code settings} over the test defaults. */
  protected static void startNode(Map<String, ?> settings) {
    // The two servers start in parallel: each takes most of a minute on a loaded machine.
    java.util.concurrent.CompletableFuture<OpenSearchProcess> opensearch =
        java.util.concurrent.CompletableFuture.supplyAsync(OpenSearchProcess::shared);
    clusters = TestClusters.shared();
    search = opensearch.join();
    index = new SearchHttp(search.url());
    node = TestNodes.start(TestNodes.newDataDir(), kafka(), settings);
    api = new ConnectClient(node.restUrl());
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.stop(Duration.ofSeconds(60));
      node = null;
    }
  }

  /** The Kafka cluster sinks read from. */
  protected static String kafka() {
    return clusters.target().bootstrapServers();
  }

  /** Produces {@code count} records per partition with these keys and values (null = tombstone). */
  protected static void produce(String topic, int partitions, long count, LongFunction<String> key,
                                LongFunction<String> value) {
    Records.produce(kafka(), topic, partitions, count, key, value);
  }

  /** Waits until {@code indexName} holds {@code expected} documents, passing through other counts (deletes). */
  protected static void awaitSettledCount(String indexName, long expected) {
    Await.until(INDEXED, () -> index.count(indexName) == expected,
        () -> indexName + " to hold " + expected + " documents, has " + index.count(indexName));
  }

  /** Waits until {@code indexName} holds exactly {@code expected} documents (and fails on more). */
  protected static void awaitCount(String indexName, long expected) {
    Await.until(INDEXED, () -> {
      long count = index.count(indexName);
      if (count > expected) {
        throw new AssertionError(indexName + " holds " + count + " documents, more than the " + expected + " expected");
      }
      return count == expected;
    }, () -> indexName + " to hold " + expected + " documents, has " + index.count(indexName));
  }
}
