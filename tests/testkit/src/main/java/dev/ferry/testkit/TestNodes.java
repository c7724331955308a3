package dev.ferry.testkit;

import dev.ferry.node.FerryNode;
import dev.ferry.node.NodeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts Ferry nodes for tests: a one-node cluster on loopback with random REST and cluster
 * ports, an H2 journal in the given data directory (start another node on the same directory to
 * simulate a restart), local Kafka off and the test's target cluster as default target.
 *
 * <p>With {@code -Dferry.test.persistence=postgres} (the integration suite's second run) the
 * journal goes to this machine's PostgreSQL instead, in a schema of its own per data directory, so
 * every test is isolated and a restart on the same directory finds its data; the schemas are
 * dropped when the test JVM exits.
 */
public final class TestNodes {

  private static final Set<String> SCHEMAS = ConcurrentHashMap.newKeySet();
  private static final Set<Path> DATA_DIRS = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!SCHEMAS.isEmpty()) {
        TestDatabase.dropSchemas(SCHEMAS);
      }
      DATA_DIRS.forEach(TempDirs::deleteRecursively);
    }, "ferry-test-cleanup"));
  }

  private TestNodes() {}

  /** Whether this test run keeps journals in PostgreSQL. */
  public static boolean onPostgres() {
    return "postgres".equalsIgnoreCase(System.getProperty("ferry.test.persistence", "h2"));
  }

  /** A fresh data directory, deleted when the JVM exits. */
  public static Path newDataDir() {
    try {
      Path dir = Files.createTempDirectory("ferry-node-");
      DATA_DIRS.add(dir);
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a node with fast discovery and checkpoint settings suited to tests. */
  public static FerryNode start(Path dataDir, String targetBootstrap) {
    return start(dataDir, targetBootstrap, Map.of());
  }

  /** Starts a node; {@code overrides} win over the test defaults. */
  public static FerryNode start(Path dataDir, String targetBootstrap, Map<String, ?> overrides) {
    Map<String, Object> config = new HashMap<>();
    config.put("ferry.node.data-dir", dataDir.toString());
    int restPort = freePort();
    config.put("ferry.node.rest-port", restPort);
    config.put("ferry.local-kafka.mode", "off");
    config.put("ferry.target.bootstrap-servers", targetBootstrap);
    config.put("ferry.discovery.interval", "2s");
    config.put("ferry.discovery.admin-timeout", "5s");
    config.put("pekko.remote.artery.canonical.port", 0);
    config.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    // Many nodes share a test JVM: no fixed management port (tests that need it turn it on).
    config.put("ferry.cluster.management", "off");
    if (onPostgres()) {
      String schema = schemaOf(dataDir);
      config.put("ferry.persistence-profile", "postgres");
      config.put("ferry.persistence.url", TestDatabase.URL);
      config.put("ferry.persistence.user", TestDatabase.USER);
      config.put("ferry.persistence.schema", schema);
    }
    config.putAll(overrides);
    return FerryNode.start(NodeConfig.load(null, config));
  }

  /** The PostgreSQL schema a node on {@code dataDir} keeps its journal in (dropped when the JVM exits). */
  public static String schemaOf(Path dataDir) {
    String schema = "it_" + Integer.toHexString(dataDir.toAbsolutePath().toString().hashCode() & 0x7fffffff);
    SCHEMAS.add(schema);
    return schema;
  }

  /** A free loopback port, so the node's worker id names its real REST port. */
  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
