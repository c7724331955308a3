package dev.ferry.bench;

import dev.ferry.node.FerryNode;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./build.sh bench}: Ferry against a bare kafka-clients consume→produce loop, on the same two
 * local KRaft clusters in the same run, then the heap cost of 1,000 flows on one node.
 *
 * <p>BENCH_WARMUP_ROUNDS full-size warm-up rounds (both contenders, printed, not counted) run first:
 * measured here, Ferry's larger code path (streams, actors, persistence) keeps the JIT compiler busy
 * for several rounds, while a node runs for days. Then BENCH_ROUNDS measured rounds, each the bare
 * loop and then Ferry on a fresh topic. Both are timed from their first record
 * to their last acknowledged one (Ferry's connector start-up is printed apart); the final ratio is
 * the median Ferry rate over the median bare rate, so one noisy round on a shared 2-core machine
 * does not decide it. Each round also prints where the JVM's CPU went (GC, JIT, thread groups).
 *
 * <p>Knobs (env): BENCH_RECORDS (500000 per round), BENCH_RECORD_BYTES (1000), BENCH_PARTITIONS (10),
 * BENCH_WARMUP_ROUNDS (2), BENCH_ROUNDS (5), BENCH_FLOWS (1000; 0 skips the memory check). Last line:
 * {@code bench ferry_rps=<n> bare_rps=<n> ratio=<x>}.
 */
public final class Benchmark {

  private Benchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    long records = env("BENCH_RECORDS", 500_000);
    int bytes = (int) env("BENCH_RECORD_BYTES", 1_000);
    int partitions = (int) env("BENCH_PARTITIONS", 10);
    int warmupRounds = (int) Math.max(0, env("BENCH_WARMUP_ROUNDS", 2));
    int rounds = (int) Math.max(1, env("BENCH_ROUNDS", 5));
    int flows = (int) env("BENCH_FLOWS", 1_000);
    long perPartition = records / partitions;
    records = perPartition * partitions;

    System.out.printf("bench: starting two local KRaft clusters%n");
    TestClusters clusters = TestClusters.startNew();
    String source = clusters.source().bootstrapServers();
    String target = clusters.target().bootstrapServers();
    try {
      System.out.printf("bench: producing %d warm-up and %d measured rounds of %,d records x %,d bytes over %d partitions%n",
          warmupRounds, rounds, records, bytes, partitions);
      List<String> topics = new ArrayList<>();
      for (int round = 1; round <= warmupRounds + rounds; round++) {
        String topic = round <= warmupRounds ? "warmup" + round : "bench" + (round - warmupRounds);
        topics.add(topic);
        TopicData.createTopic(source, topic, partitions);
        TopicData.createTopic(target, topic + ".bare", partitions);
        TopicData.createTopic(target, topic + ".ferry", partitions);
        produce(source, topic, partitions, perPartition, bytes);
      }

      FerryNode node = TestNodes.start(TestNodes.newDataDir(), target, Map.of("ferry.discovery.interval", "30s"));
      List<Double> bareRates = new ArrayList<>();
      List<Double> ferryRates = new ArrayList<>();
      try {
        for (String topic : topics) {
          boolean measured = topic.startsWith("bench");
          long count = records;
          CpuMeter cpu = CpuMeter.start();
          long bareNanos = BareLoop.copy(source, target, topic, partitions, topic + ".bare", count, PRODUCER);
          report("bare " + topic, count, bytes, bareNanos, cpu);
          cpu = CpuMeter.start();
          long ferryNanos = ferryCopy(node, source, target, topic, count);
          report("ferry " + topic, count, bytes, ferryNanos, cpu);
          // Each round starts on a node without the previous round's (idle) flows.
          new ConnectClient(node.restUrl()).delete("/connectors/" + topic);
          if (measured) {
            bareRates.add(count / (bareNanos / 1e9));
            ferryRates.add(count / (ferryNanos / 1e9));
          }
        }
      } finally {
        node.stop(Duration.ofSeconds(60));
      }
      if (flows > 0) {
        FlowMemory.measure(source, target, flows);
      }
      double ferryRps = median(ferryRates);
      double bareRps = median(bareRates);
      System.out.printf("bench rounds=%d ferry_rps_per_round=%s bare_rps_per_round=%s%n", rounds,
          rates(ferryRates), rates(bareRates));
      System.out.printf("bench ferry_rps=%.0f bare_rps=%.0f ratio=%.2f%n", ferryRps, bareRps, ferryRps / bareRps);
    } finally {
      clusters.close();
    }
    System.exit(0);
  }

  /** The bare loop's producer: the batching settings of Ferry's pooled producer (hocon/reference.conf). */
  private static final Map<String, String> PRODUCER = Map.of("linger.ms", "5", "batch.size", "262144",
      "buffer.memory", "67108864", "max.in.flight.requests.per.connection", "5");

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static String rates(List<Double> values) {
    return values.stream().map(v -> String.format("%.0f", v)).collect(Collectors.joining(","));
  }

  /**
   * Creates a connector for {@code topic} and returns the nanoseconds from the first record on the
   * target to the last one (the start-up before the first record is printed, not counted).
   */
  private static long ferryCopy(FerryNode node, String source, String target, String topic, long records) throws Exception {
    ConnectClient api = new ConnectClient(node.restUrl());
    long start = System.nanoTime();
    ConnectClient.Response created = api.post("/connectors", Map.of("name", topic, "config", Map.of(
        "connector.class", "FerryReplicatorSourceConnector",
        "src.kafka.bootstrap.servers", source,
        "topic.whitelist", topic,
        "topic.rename.format", "${topic}.ferry")));
    if (created.status() != 201) {
      throw new IllegalStateException("could not create the bench connector: " + created);
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", target))) {
      long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
      long firstRecord = 0;
      long copied;
      while ((copied = endOffsets(admin, topic + ".ferry")) < records) {
        if (firstRecord == 0 && copied > 0) {
          firstRecord = System.nanoTime();
          System.out.printf("bench ferry first record after %.2f s (connector start-up: discovery, topic checks, flow starts)%n",
              (firstRecord - start) / 1e9);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Ferry did not copy " + records + " records in 20 minutes");
        }
        Thread.sleep(10); // polling a counter, not waiting for a fixed time
      }
      return System.nanoTime() - (firstRecord == 0 ? start : firstRecord);
    }
  }

  static long endOffsets(Admin admin, String topic) throws Exception {
    var description = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic);
    Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
    description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    return admin.listOffsets(request).all().get().values().stream().mapToLong(i -> i.offset()).sum();
  }

  private static void produce(String bootstrap, String topic, int partitions, long perPartition, int bytes) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "524288");
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, "134217728");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long n = 0; n < perPartition; n++) {
        for (int p = 0; p < partitions; p++) {
          producer.send(TopicData.record(topic, p, n, bytes));
        }
      }
      producer.flush();
    }
  }

  private static void report(String name, long records, int bytes, long nanos, CpuMeter cpu) {
    double seconds = nanos / 1e9;
    System.out.printf("bench %-13s records=%,d seconds=%.2f records_per_s=%,.0f MB_per_s=%.1f %s%n",
        name, records, seconds, records / seconds, records * (double) bytes / seconds / 1e6, cpu.stop());
    System.out.printf("bench %-13s %s %s%n", name, cpu.gcAndJit(), cpu.byThreadGroup());
  }

  private static long env(String name, long fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
  }
}
