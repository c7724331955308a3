package dev.ferry.search;

import com.sun.management.OperatingSystemMXBean;
import dev.ferry.node.FerryNode;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.http.HttpHost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.opensearch.client.Request;
import org.opensearch.client.RestClient;

/**
 * {@code ./build.sh bench search}: documents per second of Ferry's search sink against a bare loop
 * doing the same work on the same servers in the same run: consume the topic, and send each
 * {@code batch.size} records as one {@code _bulk} of index actions (ids {@code topic+partition+offset},
 * sources as they are) to the same OpenSearch node, waiting for each answer. Ferry runs the
 * sink with Confluent's defaults ({@code batch.size=2000}, {@code key.ignore=true},
 * {@code schema.ignore=true}) on one node in this JVM; a round ends when the index counts every
 * record. Rounds alternate; medians are printed with this JVM's CPU (Ferry or the loop), the
 * OpenSearch process's CPU and the heap used after the round. Knobs: BENCH_RECORDS (200000),
 * BENCH_PARTITIONS (4), BENCH_ROUNDS (3).
 */
public final class SearchBenchmark {

  private static final int BATCH = 2000;

  private SearchBenchmark() {}

  /** Runs the benchmark and prints one line per round and a summary. */
  public static void main(String[] args) throws Exception {
    long records = Long.parseLong(System.getenv().getOrDefault("BENCH_RECORDS", "200000"));
    int partitions = Integer.parseInt(System.getenv().getOrDefault("BENCH_PARTITIONS", "4"));
    int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "3"));
    TestClusters clusters = TestClusters.startNew();
    OpenSearchProcess search = OpenSearchProcess.startNew();
    SearchHttp http = new SearchHttp(search.url());
    String kafka = clusters.target().bootstrapServers();
    String topic = "bench-search";
    TopicData.createTopic(kafka, topic, partitions);
    Records.produce(kafka, topic, partitions, records, n -> null, n -> "{\"seq\":" + n + ",\"name\":\"record-" + n
        + "\",\"score\":" + (n % 1000) / 10.0 + ",\"tags\":[\"a\",\"b\"],\"text\":\"the quick brown fox " + n + "\"}");
    FerryNode node = TestNodes.start(TestNodes.newDataDir(), kafka);
    ConnectClient api = new ConnectClient(node.restUrl());
    List<double[]> ferry = new ArrayList<>();
    List<double[]> bare = new ArrayList<>();
    System.out.printf("search bench: %d records, %d partitions, batch %d, OpenSearch 2.19.1, %d rounds%n", records,
        partitions, BATCH, rounds);
    // Both contenders wait up to two minutes for a bulk answer: this machine is shared and often loaded.
    try (RestClient rest = RestClient.builder(HttpHost.create(search.url()))
        .setRequestConfigCallback(c -> c.setSocketTimeout(120_000)).build()) {
      for (int round = 0; round < rounds; round++) {
        int r = round;
        bare.add(measure("bare ", round, search, () -> bareLoop(kafka, topic, partitions, rest, "bench-bare-" + r),
            http, "bench-bare-" + round, records));
        ferry.add(measure("ferry", round, search, () -> {
          Map<String, String> config = new HashMap<>(Map.of("connector.class", "ElasticsearchSinkConnector",
              "topics", topic, "connection.url", search.url(), "key.ignore", "true", "schema.ignore", "true",
              "read.timeout.ms", "120000",
              "topic.index.map", topic + ":bench-ferry-" + r,
              "value.converter", "org.apache.kafka.connect.json.JsonConverter",
              "value.converter.schemas.enable", "false"));
          api.create("bench-" + r, config);
          awaitCount(http, "bench-ferry-" + r, records);
          api.delete("/connectors/bench-" + r);
        }, http, "bench-ferry-" + round, records));
      }
    } finally {
      node.stop(Duration.ofSeconds(30));
      search.close();
      clusters.close();
    }
    double f = median(ferry, 0);
    double b = median(bare, 0);
    System.out.printf("median: ferry %.0f docs/s (cpu %.1f s, opensearch cpu %.1f s), bare loop %.0f docs/s "
            + "(cpu %.1f s, opensearch cpu %.1f s), ratio %.2f%n", f, median(ferry, 1), median(ferry, 2), b,
        median(bare, 1), median(bare, 2), f / b);
    System.exit(0);
  }

  private static double[] measure(String who, int round, OpenSearchProcess search, Runnable work, SearchHttp http,
                                  String indexName, long records) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.gc();
    long cpu0 = os.getProcessCpuTime();
    double search0 = search.cpuSeconds();
    long t0 = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    double searchCpu = search.cpuSeconds() - search0;
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    long count = http.count(indexName);
    if (count != records) {
      throw new IllegalStateException(who + " round " + round + ": " + indexName + " holds " + count + " of " + records);
    }
    double rate = records / seconds;
    System.out.printf("round %d %s: %.0f docs/s (%.1f s), jvm cpu %.1f s, opensearch cpu %.1f s, heap used %d MiB%n",
        round, who, rate, seconds, cpu, searchCpu, heap);
    http.deleteIndex(indexName);
    return new double[] {rate, cpu, searchCpu};
  }

  private static void bareLoop(String kafka, String topic, int partitions, RestClient rest, String indexName) {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka);
    props.put("max.poll.records", "2000");
    List<TopicPartition> assigned = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      assigned.add(new TopicPartition(topic, p));
    }
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int inBody = 0;
      while (!assigned.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          body.writeBytes(("{\"index\":{\"_index\":\"" + indexName + "\",\"_id\":\"" + record.topic() + "+"
              + record.partition() + "+" + record.offset() + "\"}}\n").getBytes(StandardCharsets.UTF_8));
          body.writeBytes(record.value());
          body.write('\n');
          if (++inBody == BATCH) {
            bulk(rest, body);
            inBody = 0;
          }
        }
      }
      if (inBody > 0) {
        bulk(rest, body);
      }
    }
  }

  private static void bulk(RestClient rest, ByteArrayOutputStream body) {
    Request request = new Request("POST", "/_bulk");
    request.setEntity(new ByteArrayEntity(body.toByteArray(), ContentType.create("application/x-ndjson")));
    try {
      String answer = new String(rest.performRequest(request).getEntity().getContent().readAllBytes(),
          StandardCharsets.UTF_8);
      if (!answer.startsWith("{\"took\"") || !answer.contains("\"errors\":false")) {
        throw new IllegalStateException("bare loop bulk failed: " + answer.substring(0, Math.min(500, answer.length())));
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    body.reset();
  }

  private static void awaitCount(SearchHttp http, String indexName, long records) {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (http.count(indexName) < records) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(indexName + " did not reach " + records + " documents in 10 minutes");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static double median(List<double[]> rounds, int field) {
    double[] values = rounds.stream().mapToDouble(r -> r[field]).sorted().toArray();
    return values[values.length / 2];
  }
}
