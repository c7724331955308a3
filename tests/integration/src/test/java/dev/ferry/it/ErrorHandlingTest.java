package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * Connect's error handling on real brokers, for poison records among 10,000 good ones on 3
 * partitions: under {@code errors.tolerance=none} the poison partition's flow fails with the
 * record's topic, partition and offset in its trace while the other flows copy every record; under
 * {@code all} with a dead letter queue every good record arrives and every poison record is in the
 * DLQ with Connect's {@code __connect.errors.*} headers; the same for a record the writer rejects;
 * and a replicator whose transform fails on a record follows the same rules.
 */
class ErrorHandlingTest extends OneNodeTestBase {

  private static final int PARTITIONS = 3;
  private static final int GOOD_PER_PARTITION = 3_334;
  /** Poison records: partition 1 only, at these positions among its good records. */
  private static final List<Integer> POISON_AT = List.of(100, 2_000, 3_000);

  @Test
  void withoutToleranceOnlyThePoisonedFlowFailsNamingTheRecord() {
    String topic = "errors-none";
    write(target(), topic);
    api.create(topic, sink(topic, Map.of()));
    String trace = failedTrace(topic, 1);
    assertTrue(trace.contains(topic + "-1@" + poisonOffset(0)), "the trace names topic, partition and offset: " + trace);
    assertTrue(trace.contains("VALUE_CONVERTER"), "and the stage: " + trace);
    Await.until(Duration.ofSeconds(90), () -> written(topic, 0) == GOOD_PER_PARTITION && written(topic, 2) == GOOD_PER_PARTITION,
        () -> "the other flows copy every record: p0=" + written(topic, 0) + " p2=" + written(topic, 2));
    assertTrue(RecordingSinkType.WRITTEN.getOrDefault(topic, List.of()).stream()
            .filter(r -> r.kafkaPartition() == 1).allMatch(r -> r.kafkaOffset() < poisonOffset(0)),
        "partition 1 writes nothing from its first poison record on");
    assertEquals("RUNNING", taskState(topic, 0), "partition 0's flow keeps running");
  }

  @Test
  void withToleranceGoodRecordsArriveAndPoisonGoesToTheDeadLetterQueueWithContext() {
    String topic = "errors-all";
    write(target(), topic);
    api.create(topic, sink(topic, Map.of("errors.tolerance", "all",
        "errors.deadletterqueue.topic.name", topic + ".dlq", "errors.deadletterqueue.topic.replication.factor", "1",
        "errors.deadletterqueue.context.headers.enable", "true", "errors.log.enable", "true")));
    Await.until(Duration.ofSeconds(90), () -> totalWritten(topic) == (long) PARTITIONS * GOOD_PER_PARTITION,
        () -> "every good record arrives: " + totalWritten(topic));
    List<ConsumerRecord<byte[], byte[]>> dlq = awaitDeadLetters(topic + ".dlq", POISON_AT.size());
    Set<Long> offsets = new TreeSet<>();
    for (ConsumerRecord<byte[], byte[]> letter : dlq) {
      assertEquals("{not json " + header(letter, "seq"), new String(letter.value(), StandardCharsets.UTF_8),
          "the dead letter is the original value");
      assertEquals(topic, header(letter, "__connect.errors.topic"), "context: topic");
      assertEquals("1", header(letter, "__connect.errors.partition"), "context: partition");
      assertEquals("VALUE_CONVERTER", header(letter, "__connect.errors.stage"), "context: stage");
      assertEquals(topic, header(letter, "__connect.errors.connector.name"), "context: connector");
      assertEquals("org.apache.kafka.connect.json.JsonConverter", header(letter, "__connect.errors.class.name"),
          "context: the failing class");
      assertTrue(header(letter, "__connect.errors.exception.class.name").contains("DataException"),
          "context: the exception class");
      offsets.add(Long.parseLong(header(letter, "__connect.errors.offset")));
    }
    assertEquals(new TreeSet<>(List.of(poisonOffset(0), poisonOffset(1), poisonOffset(2))), offsets,
        "each poison record exactly once in the DLQ");
    Await.until(Duration.ofSeconds(30), () -> api.get("/metrics").body().contains(
        "ferry_flow_record_errors_total{connector=\"" + topic + "\",stage=\"VALUE_CONVERTER\"} 3.0"),
        () -> "the tolerated errors are counted in /metrics");
  }

  @Test
  void recordsTheWriterRejectsFollowTheSameRules() {
    String topic = "errors-writer";
    TopicData.createTopic(target(), topic, 1);
    produce(target(), topic, 0, List.of("{\"id\":1}", "{\"id\":2,\"bad\":true}", "{\"id\":3}"));
    api.create(topic, sink(topic, Map.of("recording.reject.field", "bad", "errors.tolerance", "all",
        "errors.deadletterqueue.topic.name", topic + ".dlq", "errors.deadletterqueue.topic.replication.factor", "1",
        "errors.deadletterqueue.context.headers.enable", "true")));
    Await.until(Duration.ofSeconds(60), () -> totalWritten(topic) == 2, () -> "the two accepted records arrive");
    ConsumerRecord<byte[], byte[]> letter = awaitDeadLetters(topic + ".dlq", 1).get(0);
    assertEquals("{\"id\":2,\"bad\":true}", new String(letter.value(), StandardCharsets.UTF_8), "the rejected record");
    assertEquals("TASK_PUT", header(letter, "__connect.errors.stage"), "rejected by the writer");
    assertEquals("1", header(letter, "__connect.errors.offset"), "at its offset");
  }

  @Test
  void aReplicatorWhoseTransformFailsFollowsTheErrorPolicy() {
    String strict = "errors-cast-none";
    String tolerant = "errors-cast-all";
    for (String topic : List.of(strict, tolerant)) {
      TopicData.createTopic(source(), topic, 1);
      produce(source(), topic, 0, List.of("{\"n\":\"1\"}", "{\"n\":\"two\"}", "{\"n\":\"3\"}"));
    }
    Map<String, String> cast = new HashMap<>(Map.of("transforms", "cast",
        "transforms.cast.type", "org.apache.kafka.connect.transforms.Cast$Value", "transforms.cast.spec", "n:int32",
        "src.value.converter", "org.apache.kafka.connect.json.JsonConverter",
        "src.value.converter.schemas.enable", "false",
        "value.converter", "org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable", "false"));
    Map<String, String> strictConfig = Replicator.whitelist(source(), strict, "${topic}.copy");
    strictConfig.putAll(cast);
    api.create(strict, strictConfig);
    Map<String, String> tolerantConfig = Replicator.whitelist(source(), tolerant, "${topic}.copy");
    tolerantConfig.putAll(cast);
    tolerantConfig.putAll(Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", tolerant + ".dlq",
        "errors.deadletterqueue.topic.replication.factor", "1"));
    api.create(tolerant, tolerantConfig);

    String trace = failedTrace(strict, 0);
    assertTrue(trace.contains(strict + "-0@1") && trace.contains("TRANSFORMATION"),
        "the trace names the record and the stage: " + trace);
    Await.until(Duration.ofSeconds(60), () -> values(target(), tolerant + ".copy").equals(List.of("{\"n\":1}", "{\"n\":3}")),
        () -> "the tolerant replicator copies the castable records, cast: " + values(target(), tolerant + ".copy"));
    assertEquals(List.of("{\"n\":\"two\"}"), values(target(), tolerant + ".dlq"), "and dead-letters the other");
  }

  private static Map<String, String> sink(String topic, Map<String, String> more) {
    Map<String, String> config = new HashMap<>(more);
    config.put("connector.class", "RecordingSinkConnector");
    config.put("topics", topic);
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    return config;
  }

  /** Good JSON records on every partition; partition 1 also gets poison (not JSON) records. */
  private static void write(String bootstrap, String topic) {
    TopicData.createTopic(bootstrap, topic, PARTITIONS);
    for (int p = 0; p < PARTITIONS; p++) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < GOOD_PER_PARTITION; i++) {
        if (p == 1 && POISON_AT.contains(i)) {
          values.add("{not json " + values.size());
        }
        values.add("{\"p\":" + p + ",\"i\":" + i + "}");
      }
      produce(bootstrap, topic, p, values);
    }
  }

  /** The offset of the n-th poison record in partition 1. */
  private static long poisonOffset(int n) {
    return POISON_AT.get(n) + n;
  }

  private static void produce(String bootstrap, String topic, int partition, List<String> values) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("linger.ms", "5");
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < values.size(); i++) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition,
            ("k" + i).getBytes(StandardCharsets.UTF_8), values.get(i).getBytes(StandardCharsets.UTF_8));
        record.headers().add("seq", String.valueOf(i).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
      }
    }
  }

  /**
   * The trace of a task seen FAILED (read from the same answer: a failed flow restarts by itself
   * after its backoff, so the next call may see it RUNNING again).
   */
  private static String failedTrace(String connector, int task) {
    String[] trace = new String[1];
    Await.until(Duration.ofSeconds(90), () -> {
      var status = api.get("/connectors/" + connector + "/tasks/" + task + "/status").json();
      if (status != null && "FAILED".equals(status.path("state").asText())) {
        trace[0] = status.path("trace").asText();
        return true;
      }
      return false;
    }, () -> "task " + task + " of " + connector + " fails: " + api.get("/connectors/" + connector + "/status").body());
    return trace[0];
  }

  private static String taskState(String connector, int task) {
    return api.get("/connectors/" + connector + "/tasks/" + task + "/status").json().path("state").asText();
  }

  private static long written(String connector, int partition) {
    return RecordingSinkType.WRITTEN.getOrDefault(connector, List.of()).stream()
        .filter(r -> r.kafkaPartition() == partition).count();
  }

  private static long totalWritten(String connector) {
    List<SinkRecord> records = RecordingSinkType.WRITTEN.getOrDefault(connector, List.of());
    return records.size();
  }

  private static List<ConsumerRecord<byte[], byte[]>> awaitDeadLetters(String dlq, int count) {
    Await.until(Duration.ofSeconds(60), () -> Mm2.topics(target()).contains(dlq)
            && Mm2.readAll(target(), new TopicPartition(dlq, 0)).size() >= count,
        () -> dlq + " holds " + count + " dead letter(s)");
    List<ConsumerRecord<byte[], byte[]>> letters = Mm2.readAll(target(), new TopicPartition(dlq, 0));
    assertEquals(count, letters.size(), "exactly " + count + " dead letter(s) in " + dlq);
    return letters;
  }

  private static List<String> values(String bootstrap, String topic) {
    if (!Mm2.topics(bootstrap).contains(topic)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Mm2.readAll(bootstrap, new TopicPartition(topic, 0)).forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
    return out;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
