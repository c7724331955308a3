package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /metrics} after real replication: MirrorMaker 2's per-partition meters count exactly
 * the records and bytes copied, latency and age are measured, lag reaches 0, the JVM's meters are
 * there, and a deleted connector's series disappear.
 */
@Timeout(180)
class MetricsTest extends OneNodeTestBase {

  private static final String PREFIX = "kafka_connect_mirror_source_connector_";
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");
  private static final int PARTITIONS = 2;
  private static final int RECORDS_PER_PARTITION = 300;
  private static final int VALUE_BYTES = 100;

  @Test
  void countsEqualTheRecordsCopiedPerPartitionAndSeriesLeaveWithTheConnector() {
    String topic = "metrics-orders";
    TopicData.createTopic(source(), topic, PARTITIONS);
    TopicData.produce(source(), topic, PARTITIONS, 0, RECORDS_PER_PARTITION, VALUE_BYTES);
    api.create(topic, Replicator.whitelist(source(), topic, "${topic}.replica"));

    Await.until(Duration.ofSeconds(90), () -> {
      Map<String, Double> counts = series(scrape(), PREFIX + "record_count_total", topic);
      return counts.size() == PARTITIONS && counts.values().stream().allMatch(c -> c == RECORDS_PER_PARTITION);
    }, () -> RECORDS_PER_PARTITION + " records counted for each partition: "
        + series(scrape(), PREFIX + "record_count_total", topic));

    String metrics = scrape();
    for (int p = 0; p < PARTITIONS; p++) {
      String labels = "connector=\"" + topic + "\",partition=\"" + p + "\",source=\"" + source() + "\",target=\""
          + target() + "\",topic=\"" + topic + ".replica\"";
      assertEquals(RECORDS_PER_PARTITION, value(metrics, PREFIX + "record_count_total{" + labels + "}"),
          "records of partition " + p + " with MM2's tags (target topic) plus connector and source");
      assertEquals(payloadBytes(topic, p), value(metrics, PREFIX + "byte_count_total{" + labels + "}"),
          "key and value bytes of partition " + p);
      assertTrue(value(metrics, PREFIX + "record_rate{" + labels + "}") > 0, "a record rate: " + labels);
      assertTrue(value(metrics, PREFIX + "byte_rate{" + labels + "}") > 0, "a byte rate: " + labels);
      // The records were produced with timestamps an hour old.
      for (String window : List.of("replication_latency_ms", "record_age_ms")) {
        double min = value(metrics, PREFIX + window + "_min{" + labels + "}");
        double max = value(metrics, PREFIX + window + "_max{" + labels + "}");
        double avg = value(metrics, PREFIX + window + "_avg{" + labels + "}");
        assertTrue(min >= 3_000_000 && min <= avg && avg <= max && max < 4_000_000,
            window + " min <= avg <= max, about an hour: " + min + " " + avg + " " + max);
        assertTrue(value(metrics, PREFIX + window + "{" + labels + "}") >= min, window + " latest value");
      }
    }
    Await.until(Duration.ofSeconds(30), () -> {
      Map<String, Double> lag = series(scrape(), "ferry_flow_offset_lag", topic);
      return lag.size() == PARTITIONS && lag.values().stream().allMatch(l -> l == 0);
    }, () -> "offset lag 0 per flow: " + series(scrape(), "ferry_flow_offset_lag", topic));
    assertEquals(PARTITIONS, series(scrape(), "ferry_flow_time_lag_ms", topic).size(), "a time lag per flow");

    JsonNode flows = api.get("/flows?connector=" + topic).json();
    long bytesReplicated = 0;
    for (JsonNode flow : flows) {
      bytesReplicated += flow.path("bytes_replicated").asLong();
    }
    assertEquals(payloadBytes(topic, 0) + payloadBytes(topic, 1), bytesReplicated, "/flows counts the same bytes");

    for (String jvm : List.of("jvm_memory_used_bytes{", "jvm_threads_live_threads ", "jvm_gc_memory_allocated_bytes_total ",
        "process_cpu_usage ")) {
      assertTrue(metrics.contains("\n" + jvm), "JVM meter " + jvm.strip() + " is exported");
    }

    assertEquals(204, api.delete("/connectors/" + topic).status(), "delete the connector");
    Await.until(Duration.ofSeconds(30), () -> !scrape().contains("connector=\"" + topic + "\""),
        () -> "the deleted connector's series leave /metrics");
    assertFalse(scrape().contains("ferry_flow_offset_lag{connector=\"" + topic), "no lag series left either");
  }

  private static String scrape() {
    ConnectClient.Response response = api.get("/metrics");
    assertEquals(200, response.status(), "GET /metrics: " + response);
    return "\n" + response.body();
  }

  /** Value of each sample of {@code name} whose labels name {@code connector}, by its label set. */
  private static Map<String, Double> series(String metrics, String name, String connector) {
    Map<String, Double> out = new TreeMap<>();
    for (String line : metrics.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (sample.matches() && sample.group(1).equals(name) && sample.group(2) != null
          && sample.group(2).contains("connector=\"" + connector + "\"")) {
        out.put(sample.group(2), Double.parseDouble(sample.group(3)));
      }
    }
    return out;
  }

  private static double value(String metrics, String nameAndLabels) {
    int at = metrics.indexOf("\n" + nameAndLabels + " ");
    assertTrue(at >= 0, "a sample " + nameAndLabels + " in:\n" + metrics);
    int start = at + nameAndLabels.length() + 2;
    int end = metrics.indexOf('\n', start);
    return Double.parseDouble(metrics.substring(start, end < 0 ? metrics.length() : end).strip());
  }

  /** Key + value bytes of the records TopicData produced into partition {@code p}. */
  private static long payloadBytes(String topic, int p) {
    long bytes = 0;
    for (long n = 0; n < RECORDS_PER_PARTITION; n++) {
      ProducerRecord<byte[], byte[]> record = TopicData.record(topic, p, n, VALUE_BYTES);
      bytes += record.key().length + record.value().length;
    }
    return bytes;
  }
}
