package dev.ferry.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.localkafka.LocalKafkaBroker;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TopicData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The failure scenarios of a three-node Ferry cluster under continuous load, each on its own
 * topic, connector and PostgreSQL schema, counted to the last record: kill -9 of a node, a rolling
 * restart, a full stop and start, and an outage of the target cluster. {@link Size} sets how long
 * and how hard (a short version runs in the test suite, the long one in {@code ./build.sh chaos}).
 */
public final class ChaosScenarios {

  /**
   * How big a run is.
   *
   * @param partitions    source partitions (one flow each)
   * @param rate          records per second per partition
   * @param loadBefore    load before the failure
   * @param loadAfter     load after recovery, before the load stops
   * @param outage        how long the target cluster stays down
   */
  public record Size(int partitions, int rate, Duration loadBefore, Duration loadAfter, Duration outage) {
    /** CI: a few seconds of load around each failure. */
    public static final Size SHORT = new Size(12, 100, Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofSeconds(10));
    /** {@code ./build.sh chaos}. */
    public static final Size LONG = new Size(12, 400, Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(45));
  }

  /** Node settings of these runs (system properties of each node process). */
  private static final Map<String, String> NODE_SETTINGS = Map.of(
      "ferry.discovery.interval", "2s",
      "ferry.discovery.admin-timeout", "5s");
  private static final int RECORD_BYTES = 200;
  private static final Duration CATCH_UP = Duration.ofMinutes(3);

  private final TestClusters kafka;
  private final Path logDir;
  private final Size size;

  /** Scenarios against these two clusters; node logs go to {@code logDir}. */
  public ChaosScenarios(TestClusters kafka, Path logDir, Size size) {
    this.kafka = kafka;
    this.logDir = logDir;
    this.size = size;
  }

  /** kill -9 of the node running the most flows; the survivors take its flows over. */
  public ScenarioResult killNode() {
    try (Run run = new Run("kill-node")) {
      pause(size.loadBefore());
      Map<Integer, String> owners = run.owners();
      NodeProcess victim = run.cluster.nodes().stream()
          .max(java.util.Comparator.comparingLong(n -> owners.values().stream().filter(n.workerId()::equals).count()))
          .orElseThrow();
      List<Integer> moved = owners.entrySet().stream().filter(e -> e.getValue().equals(victim.workerId()))
          .map(Map.Entry::getKey).sorted().toList();
      long killedAt = System.nanoTime();
      victim.kill();
      double recovery = run.secondsUntilProducing(moved, killedAt);
      pause(size.loadAfter());
      return run.finish(recovery, "moved_flows=" + moved.size() + " killed=" + victim.name()
          + " duplicate_bound=" + moved.size() * 1000);
    }
  }

  /** Each node in turn leaves gracefully (its flows drain and hand off) and rejoins. */
  public ScenarioResult rollingRestart() {
    try (Run run = new Run("rolling-restart")) {
      pause(size.loadBefore());
      double slowestHandOff = 0;
      for (NodeProcess node : run.cluster.nodes()) {
        long stoppedAt = System.nanoTime();
        node.stop();
        NodeProcess api = run.cluster.anyRunningExcept(node);
        Await.until(CATCH_UP, () -> run.allRunningOn(api, w -> !w.equals(node.workerId())),
            () -> "every flow running on the other nodes after " + node.name() + " left");
        slowestHandOff = Math.max(slowestHandOff, (System.nanoTime() - stoppedAt) / 1e9);
        node.start();
        node.awaitReady(Duration.ofSeconds(120));
      }
      // The last node to rejoin runs nothing yet: it must take a fair share without a global reshuffle.
      long rejoinedAt = System.nanoTime();
      int fairShare = size.partitions() / run.cluster.nodes().size() - 1;
      Await.until(CATCH_UP, () -> run.cluster.nodes().stream().allMatch(n -> run.owners().values().stream()
          .filter(n.workerId()::equals).count() >= fairShare), () -> "every node runs at least " + fairShare
          + " flows; now " + run.flowsPerNode());
      double fairShareSeconds = (System.nanoTime() - rejoinedAt) / 1e9;
      pause(size.loadAfter());
      return run.finish(slowestHandOff, String.format("recovery=slowest_leave_to_all_running fair_share_s=%.1f",
          fairShareSeconds));
    }
  }

  /** Every node stops gracefully at once, then all start again and resume from PostgreSQL. */
  public ScenarioResult fullRestart() {
    try (Run run = new Run("full-restart")) {
      pause(size.loadBefore());
      run.cluster.stopAll();
      pause(Duration.ofSeconds(2)); // the load keeps writing to the source while the cluster is down
      long startedAt = System.nanoTime();
      run.cluster.nodes().forEach(NodeProcess::start);
      run.cluster.awaitReady(run.cluster.nodes());
      double recovery = run.secondsUntilProducing(allPartitions(), startedAt);
      pause(size.loadAfter());
      return run.finish(recovery, "recovery=start_to_every_flow_producing");
    }
  }

  /** The target cluster's broker stops for {@link Size#outage()}, then returns on the same port and data. */
  public ScenarioResult targetOutage() {
    try (Run run = new Run("target-outage")) {
      pause(size.loadBefore());
      long rssBefore = run.maxResidentMib();
      LocalKafkaBroker target = kafka.target();
      target.stop();
      AtomicLong rssDuring = new AtomicLong();
      long outageEnd = System.nanoTime() + size.outage().toNanos();
      while (System.nanoTime() < outageEnd) {
        rssDuring.accumulateAndGet(run.maxResidentMib(), Math::max);
        pause(Duration.ofMillis(500)); // sampling memory while the outage lasts
      }
      long backAt = System.nanoTime();
      target.restart(Duration.ofSeconds(60));
      double recovery = run.secondsUntilProducing(allPartitions(), backAt);
      pause(size.loadAfter());
      return run.finish(recovery, "outage_s=" + size.outage().toSeconds() + " max_rss_mib_before=" + rssBefore
          + " max_rss_mib_during=" + rssDuring.get() + " recovery=target_back_to_every_flow_producing");
    }
  }

  private List<Integer> allPartitions() {
    List<Integer> all = new ArrayList<>();
    for (int p = 0; p < size.partitions(); p++) {
      all.add(p);
    }
    return all;
  }

  private static void pause(Duration duration) {
    NodeProcess.pause(duration.toMillis());
  }

  /** One scenario's topic, cluster, connector and load. */
  private final class Run implements AutoCloseable {
    final String name;
    final String topic;
    final String targetTopic;
    final ProcessCluster cluster;
    final SequencedLoad load;

    Run(String name) {
      this.name = name;
      this.topic = "chaos-" + name + "-" + Long.toHexString(System.nanoTime());
      this.targetTopic = topic + ".replica";
      TopicData.createTopic(kafka.source().bootstrapServers(), topic, size.partitions());
      cluster = ProcessCluster.start(3, kafka.target().bootstrapServers(), logDir.resolve(name), NODE_SETTINGS);
      api(cluster.nodes().get(0)).create(name, Map.of(
          "connector.class", "FerryReplicatorSourceConnector",
          "src.kafka.bootstrap.servers", kafka.source().bootstrapServers(),
          "topic.whitelist", topic,
          "topic.rename.format", "${topic}.replica"));
      Await.until(Duration.ofSeconds(90), () -> allRunningOn(cluster.nodes().get(0), w -> true),
          () -> "all " + size.partitions() + " flows of " + name + " RUNNING");
      load = SequencedLoad.start(kafka.source().bootstrapServers(), topic, size.partitions(), size.rate(), RECORD_BYTES);
    }

    ConnectClient api(NodeProcess node) {
      return new ConnectClient(node.restUrl());
    }

    JsonNode flows(NodeProcess node) {
      ConnectClient.Response response = api(node).get("/flows?connector=" + name);
      if (response.status() != 200) {
        throw new IllegalStateException("GET /flows answered " + response);
      }
      return response.json();
    }

    boolean allRunningOn(NodeProcess apiNode, java.util.function.Predicate<String> worker) {
      JsonNode flows = flows(apiNode);
      if (flows.size() != size.partitions()) {
        return false;
      }
      for (JsonNode flow : flows) {
        if (!"RUNNING".equals(flow.path("state").asText()) || !worker.test(flow.path("worker_id").asText())) {
          return false;
        }
      }
      return true;
    }

    /** partition → worker id running its flow. */
    Map<Integer, String> owners() {
      Map<Integer, String> owners = new HashMap<>();
      NodeProcess apiNode = cluster.nodes().stream().filter(NodeProcess::isRunning).findFirst().orElseThrow();
      flows(apiNode).forEach(f -> owners.put(f.path("partition").asInt(), f.path("worker_id").asText()));
      return owners;
    }

    long maxResidentMib() {
      return cluster.nodes().stream().mapToLong(NodeProcess::residentMib).max().orElse(0);
    }

    /**
     * Seconds from {@code since} until the target end offset of every given partition has grown
     * past the value it had 1 s after {@code since} (so a dead node's last in-flight writes do not count).
     */
    double secondsUntilProducing(List<Integer> partitions, long since) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.target().bootstrapServers(),
          "request.timeout.ms", "3000", "default.api.timeout.ms", "5000"))) {
        pause(Duration.ofMillis(Math.max(0, 1000 - (System.nanoTime() - since) / 1_000_000)));
        Map<Integer, Long> baseline = endOffsets(admin, partitions);
        Map<Integer, Long> producingAt = new HashMap<>();
        Await.until(CATCH_UP, () -> {
          Map<Integer, Long> now = endOffsets(admin, partitions);
          long t = System.nanoTime();
          for (int p : partitions) {
            if (now.getOrDefault(p, -1L) > baseline.getOrDefault(p, Long.MAX_VALUE)) {
              producingAt.putIfAbsent(p, t);
            }
          }
          return producingAt.size() == partitions.size();
        }, () -> "partitions " + partitions + " producing again; so far " + producingAt.keySet());
        return producingAt.values().stream().mapToLong(t -> t - since).max().orElse(0) / 1e9;
      }
    }

    Map<Integer, Long> endOffsets(Admin admin, List<Integer> partitions) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      partitions.forEach(p -> request.put(new TopicPartition(targetTopic, p), OffsetSpec.latest()));
      try {
        Map<Integer, Long> out = new HashMap<>();
        admin.listOffsets(request).all().get(5, java.util.concurrent.TimeUnit.SECONDS)
            .forEach((tp, info) -> out.put(tp.partition(), info.offset()));
        return out;
      } catch (Exception e) {
        throw new IllegalStateException("cannot list target offsets: " + e.getMessage(), e);
      }
    }

    /**
     * Any node's REST API serves any connector: every running node lists this one, shows its
     * status and its flows (requests cross nodes through sharding).
     */
    void checkEveryNodeServesTheConnector() {
      for (NodeProcess node : cluster.nodes()) {
        if (!node.isRunning()) {
          continue;
        }
        for (String path : List.of("/connectors", "/connectors/" + name + "/status", "/flows?connector=" + name)) {
          ConnectClient.Response response = api(node).get(path);
          if (response.status() != 200 || !response.body().contains(name)) {
            throw new IllegalStateException(node.name() + " GET " + path + " answered " + response);
          }
        }
      }
    }

    /** Per node, how many of this connector's flows it runs ({@code flows_per_node=a/b/c}). */
    String flowsPerNode() {
      Map<Integer, String> owners = owners();
      StringBuilder out = new StringBuilder("flows_per_node=");
      for (NodeProcess node : cluster.nodes()) {
        out.append(out.length() > 15 ? "/" : "").append(owners.values().stream().filter(node.workerId()::equals).count());
      }
      return out.toString();
    }

    /** Stops the load, waits until every flow has persisted the source's end offset, reconciles. */
    ScenarioResult finish(double recoverySeconds, String details) {
      checkEveryNodeServesTheConnector();
      String distribution = flowsPerNode();
      long produced = load.stop();
      NodeProcess apiNode = cluster.nodes().stream().filter(NodeProcess::isRunning).findFirst().orElseThrow();
      Await.until(CATCH_UP, () -> {
        long persisted = 0;
        for (JsonNode flow : flows(apiNode)) {
          persisted += Math.max(0, flow.path("offset").asLong());
        }
        return persisted >= produced;
      }, () -> name + ": flows persisted every one of " + produced + " records");
      Reconciliation reconciliation = Reconciliation.of(
          TopicData.digest(kafka.source().bootstrapServers(), topic, Duration.ofMinutes(2)),
          TopicData.digest(kafka.target().bootstrapServers(), targetTopic, Duration.ofMinutes(2)));
      return new ScenarioResult(name, reconciliation, recoverySeconds, details + " " + distribution);
    }

    @Override
    public void close() {
      load.close();
      cluster.close();
    }
  }
}
