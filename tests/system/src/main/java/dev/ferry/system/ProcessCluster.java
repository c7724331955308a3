package dev.ferry.system;

import dev.ferry.engine.persistence.JournalSchema;
import dev.ferry.node.NodeConfig;
import dev.ferry.testkit.TestDatabase;
import dev.ferry.testkit.TestNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A Ferry cluster of node processes on loopback, joined through seed nodes, sharing one journal in
 * its own PostgreSQL schema (created up front with the node's idempotent schema command, dropped on
 * {@link #close}). Every node's default target is the given cluster. {@link #startOnH2} starts the
 * default profile instead: one node whose journal is the embedded H2 file in its data directory
 * (an H2 file belongs to one process, so an H2 cluster has one node).
 */
public final class ProcessCluster implements AutoCloseable {

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final String schema;

  private ProcessCluster(String schema) {
    this.schema = schema;
  }

  /**
   * One node on the default H2 journal under {@code dataDir} (kept on {@link #close}, so a test can
   * start the node again on the same journal), waiting until it is ready. {@code environment} is
   * laid over the node's (e.g. {@code FERRY_DB_URL} to put the journal elsewhere).
   */
  public static ProcessCluster startOnH2(String targetBootstrap, Path dataDir, Path log, Map<String, String> settings,
                                         Map<String, String> environment) {
    Map<String, String> env = new HashMap<>();
    env.put("FERRY_PERSISTENCE", "h2");
    env.put("FERRY_CLUSTER_JOIN", "self");
    env.put("FERRY_TARGET_BOOTSTRAP_SERVERS", targetBootstrap);
    env.put("FERRY_LOCAL_KAFKA", "off");
    env.put("FERRY_DATA_DIR", dataDir.toString());
    env.putAll(environment);
    List<String> props = new ArrayList<>();
    settings.forEach((key, value) -> props.add("-D" + key + "=" + value));
    ProcessCluster cluster = new ProcessCluster(null);
    cluster.nodes.add(new NodeProcess("node1", TestNodes.freePort(), env, props, log));
    cluster.nodes.forEach(NodeProcess::start);
    cluster.awaitReady(cluster.nodes);
    return cluster;
  }

  /** Starts {@code size} nodes at once and waits until each is ready. */
  public static ProcessCluster start(int size, String targetBootstrap, Path logDir, Map<String, String> settings) {
    String schema = "ferry_sys_" + Long.toHexString(System.nanoTime());
    Map<String, Object> db = new HashMap<>();
    db.put("ferry.persistence-profile", "postgres");
    db.put("ferry.persistence.schema", schema);
    db.put("ferry.persistence.url", TestDatabase.URL);
    db.put("ferry.persistence.user", TestDatabase.USER);
    JournalSchema.create(NodeConfig.load(null, db)).apply();

    ProcessCluster cluster = new ProcessCluster(schema);
    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      clusterPorts.add(TestNodes.freePort());
    }
    String seeds = "127.0.0.1:" + clusterPorts.get(0) + (size > 1 ? ",127.0.0.1:" + clusterPorts.get(1) : "");
    for (int i = 0; i < size; i++) {
      Map<String, String> env = new HashMap<>();
      env.put("FERRY_PERSISTENCE", "postgres");
      env.put("FERRY_DB_URL", TestDatabase.URL);
      env.put("FERRY_DB_USER", TestDatabase.USER);
      env.put("FERRY_DB_SCHEMA", schema);
      env.put("FERRY_CREATE_SCHEMA", "off");
      env.put("FERRY_CLUSTER_JOIN", "seed-nodes");
      env.put("FERRY_SEED_NODES", seeds);
      env.put("FERRY_TARGET_BOOTSTRAP_SERVERS", targetBootstrap);
      env.put("FERRY_LOCAL_KAFKA", "off");
      env.put("FERRY_DATA_DIR", logDir.resolve("node" + (i + 1)).toString());
      List<String> props = new ArrayList<>();
      settings.forEach((key, value) -> props.add("-D" + key + "=" + value));
      cluster.nodes.add(new NodeProcess("node" + (i + 1), clusterPorts.get(i), env, props,
          logDir.resolve("node" + (i + 1) + ".log")));
    }
    cluster.nodes.forEach(NodeProcess::start);
    cluster.awaitReady(cluster.nodes);
    return cluster;
  }

  /** Waits until every given node passes its readiness check. */
  public void awaitReady(List<NodeProcess> which) {
    CompletableFuture.allOf(which.stream()
        .map(node -> CompletableFuture.runAsync(() -> node.awaitReady(Duration.ofSeconds(120))))
        .toArray(CompletableFuture[]::new)).join();
  }

  /** The nodes, in start order. */
  public List<NodeProcess> nodes() {
    return nodes;
  }

  /** A running node other than {@code except} (for API calls while {@code except} is down). */
  public NodeProcess anyRunningExcept(NodeProcess except) {
    return nodes.stream().filter(n -> n != except && n.isRunning()).findFirst()
        .orElseThrow(() -> new IllegalStateException("no running node"));
  }

  /** Stops every node gracefully, all at once. */
  public void stopAll() {
    CompletableFuture.allOf(nodes.stream().map(node -> CompletableFuture.runAsync(node::stop))
        .toArray(CompletableFuture[]::new)).join();
  }

  @Override
  public void close() {
    nodes.stream().filter(NodeProcess::isRunning).forEach(NodeProcess::kill);
    if (schema != null) {
      TestDatabase.dropSchemas(List.of(schema));
    }
  }
}
