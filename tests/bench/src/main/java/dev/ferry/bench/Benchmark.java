package dev.ferry.bench;

import dev.ferry.node.FerryNode;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./build.sh bench}: Ferry against a bare kafka-clients consume→produce loop, on the same two
 * local KRaft clusters in the same run, then the heap cost of 1,000 flows on one node. A warm-up
 * round (a fifth of the records, both contenders, reported too) runs first so the measured round
 * compares warm JVM code on both sides; Ferry's time includes its connector start-up.
 *
 * <p>Knobs (env): BENCH_RECORDS (500000), BENCH_RECORD_BYTES (1000), BENCH_PARTITIONS (10),
 * BENCH_FLOWS (1000; 0 skips the memory check), BENCH_DELETE_WARMUP (set: delete the warm-up
 * connector before the measured round, to see what idle flows on the pooled consumer cost). Last line:
 * {@code bench ferry_rps=<n> bare_rps=<n> ratio=<x>}.
 */
public final class Benchmark {

  private Benchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    long records = env("BENCH_RECORDS", 500_000);
    int bytes = (int) env("BENCH_RECORD_BYTES", 1_000);
    int partitions = (int) env("BENCH_PARTITIONS", 10);
    int flows = (int) env("BENCH_FLOWS", 1_000);
    long perPartition = records / partitions;
    records = perPartition * partitions;

    System.out.printf("bench: starting two local KRaft clusters%n");
    TestClusters clusters = TestClusters.startNew();
    String source = clusters.source().bootstrapServers();
    String target = clusters.target().bootstrapServers();
    try {
      long warmup = Math.max(partitions, records / 5 / partitions * partitions);
      System.out.printf("bench: producing %,d warm-up and %,d measured records x %,d bytes over %d partitions%n",
          warmup, records, bytes, partitions);
      for (String topic : new String[] {"warmup", "bench"}) {
        TopicData.createTopic(source, topic, partitions);
        TopicData.createTopic(target, topic + ".bare", partitions);
        TopicData.createTopic(target, topic + ".ferry", partitions);
      }
      produce(source, "warmup", partitions, warmup / partitions, bytes);
      produce(source, "bench", partitions, perPartition, bytes);

      FerryNode node = TestNodes.start(TestNodes.newDataDir(), target, Map.of("ferry.discovery.interval", "30s"));
      long bareNanos;
      long ferryNanos;
      try {
        // Round 1 warms both contenders' code (JIT, client metadata); round 2 is the measurement.
        CpuMeter cpu = CpuMeter.start();
        report("bare warm-up", warmup, bytes, bareCopy(source, target, "warmup", partitions, warmup), cpu);
        cpu = CpuMeter.start();
        report("ferry warm-up", warmup, bytes, ferryCopy(node, source, target, "warmup", warmup), cpu);
        if (System.getenv("BENCH_DELETE_WARMUP") != null) {
          new ConnectClient(node.restUrl()).delete("/connectors/warmup");
        }
        cpu = CpuMeter.start();
        bareNanos = bareCopy(source, target, "bench", partitions, records);
        report("bare", records, bytes, bareNanos, cpu);
        cpu = CpuMeter.start();
        ferryNanos = ferryCopy(node, source, target, "bench", records);
        report("ferry", records, bytes, ferryNanos, cpu);
      } finally {
        node.stop(Duration.ofSeconds(60));
      }
      double ferryRps = records / (ferryNanos / 1e9);
      double bareRps = records / (bareNanos / 1e9);
      if (flows > 0) {
        FlowMemory.measure(source, target, flows);
      }
      System.out.printf("bench ferry_rps=%.0f bare_rps=%.0f ratio=%.2f%n", ferryRps, bareRps, ferryRps / bareRps);
    } finally {
      clusters.close();
    }
    System.exit(0);
  }

  private static long bareCopy(String source, String target, String topic, int partitions, long records) {
    return BareLoop.copy(source, target, topic, partitions, topic + ".bare", records,
        Map.of("linger.ms", "5", "batch.size", "262144", "buffer.memory", "67108864",
            "max.in.flight.requests.per.connection", "5"));
  }

  /** Creates a connector for {@code topic} and times it from the POST to the last record acknowledged. */
  private static long ferryCopy(FerryNode node, String source, String target, String topic, long records)
      throws Exception {
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
        Thread.sleep(20); // polling a counter, not waiting for a fixed time
      }
    }
    return System.nanoTime() - start;
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
  }

  private static long env(String name, long fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
  }
}
