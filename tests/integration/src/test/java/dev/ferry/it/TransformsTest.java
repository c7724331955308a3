package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every single message transform and predicate the issue lists, run by a replicator on real
 * brokers (JSON records without schemas, read with {@code src.*.converter} and written with
 * {@code *.converter}), and compared record by record with Kafka's own class applied to the same
 * source records the way Connect's worker applies it: same topics, keys, values, headers and
 * timestamps, in order, and the same records dropped.
 */
class TransformsTest extends OneNodeTestBase {

  private static final int RECORDS = 40;

  /** One case: a transform (alias {@code t}) and, optionally, a predicate (alias {@code p}). */
  private record Case(String name, String type, Map<String, String> settings, String predicate,
                      Map<String, String> predicateSettings, boolean negate) {}

  private static Case of(String name, String type, Map<String, String> settings) {
    return new Case(name, type, settings, null, Map.of(), false);
  }

  private static Case gated(String name, String type, Map<String, String> settings, String predicate,
                            Map<String, String> predicateSettings, boolean negate) {
    return new Case(name, type, settings, predicate, predicateSettings, negate);
  }

  private static final String T = "org.apache.kafka.connect.transforms.";
  private static final String P = "org.apache.kafka.connect.transforms.predicates.";

  private static final List<Case> CASES = List.of(
      of("regexrouter", T + "RegexRouter", Map.of("regex", "(tx-regexrouter)\\.out", "replacement", "$1.routed")),
      of("timestamprouter", T + "TimestampRouter", Map.of("topic.format", "${topic}-${timestamp}",
          "timestamp.format", "yyyyMMdd")),
      of("insertfield", T + "InsertField$Value", Map.of("static.field", "origin", "static.value", "ferry",
          "topic.field", "t", "partition.field", "p", "timestamp.field", "ts")),
      of("insertfieldkey", "InsertField$Key", Map.of("static.field", "k", "static.value", "x")),
      of("replacefield", T + "ReplaceField$Value", Map.of("exclude", "secret", "renames", "name:full_name")),
      of("maskfield", T + "MaskField$Value", Map.of("fields", "secret", "replacement", "***")),
      of("cast", T + "Cast$Value", Map.of("spec", "id:string")),
      of("valuetokey", T + "ValueToKey", Map.of("fields", "id,name")),
      of("extractfield", T + "ExtractField$Value", Map.of("field", "nested")),
      of("extractfieldkey", T + "ExtractField$Key", Map.of("field", "id")),
      of("headerfrom", T + "HeaderFrom$Value", Map.of("fields", "name", "headers", "name_header", "operation", "copy")),
      of("insertheader", T + "InsertHeader", Map.of("header", "added", "value.literal", "yes")),
      of("dropheaders", T + "DropHeaders", Map.of("headers", "h1")),
      gated("filterheader", T + "Filter", Map.of(), P + "HasHeaderKey", Map.of("name", "drop"), false),
      gated("filtertombstone", T + "Filter", Map.of(), "RecordIsTombstone", Map.of(), false),
      gated("topicmatches", T + "InsertField$Value", Map.of("static.field", "matched", "static.value", "yes"),
          P + "TopicNameMatches", Map.of("pattern", "tx-topicmatches.*"), false),
      gated("topicnegated", T + "InsertField$Value", Map.of("static.field", "matched", "static.value", "yes"),
          P + "TopicNameMatches", Map.of("pattern", "tx-topicnegated.*"), true));

  @Test
  void eachTransformAndPredicateGivesWhatKafkasOwnClassGives() throws Exception {
    for (Case c : CASES) {
      String topic = "tx-" + c.name();
      TopicData.createTopic(source(), topic, 1);
      produce(topic);
      api.create(topic, config(topic, c));
    }
    List<String> failures = new ArrayList<>();
    for (Case c : CASES) {
      String topic = "tx-" + c.name();
      Await.until(Duration.ofSeconds(90), () -> copiedAll(topic),
          () -> topic + " copied to its end: " + api.get("/connectors/" + topic + "/status").body());
      Map<String, List<String>> expected = expected(topic, c);
      Map<String, List<String>> actual = new TreeMap<>();
      for (String out : expected.keySet()) {
        actual.put(out, read(out));
      }
      if (!expected.equals(actual)) {
        failures.add(c.name() + ": expected " + expected + "\n  but Ferry wrote " + actual);
      }
    }
    assertTrue(failures.isEmpty(), "transforms differ from Kafka's own classes:\n" + String.join("\n", failures));
    assertEquals(0, read("tx-filterheader.out").stream().filter(r -> r.contains("drop=")).count(),
        "the filter dropped every record with the header");
  }

  private static Map<String, String> config(String topic, Case c) {
    Map<String, String> config = Replicator.whitelist(source(), topic, "${topic}.out");
    for (String side : List.of("src.", "")) {
      config.put(side + "key.converter", "org.apache.kafka.connect.json.JsonConverter");
      config.put(side + "key.converter.schemas.enable", "false");
      config.put(side + "value.converter", "org.apache.kafka.connect.json.JsonConverter");
      config.put(side + "value.converter.schemas.enable", "false");
    }
    config.put("transforms", "t");
    config.put("transforms.t.type", c.type());
    c.settings().forEach((k, v) -> config.put("transforms.t." + k, v));
    if (c.predicate() != null) {
      config.put("predicates", "p");
      config.put("predicates.p.type", c.predicate());
      c.predicateSettings().forEach((k, v) -> config.put("predicates.p." + k, v));
      config.put("transforms.t.predicate", "p");
      config.put("transforms.t.negate", String.valueOf(c.negate()));
    }
    return config;
  }

  /**
   * JSON keys and values; every 5th record has a {@code drop} header; on the tombstone filter's
   * topic every 7th record is a tombstone (Kafka's value transforms refuse tombstones, in Ferry as
   * in Connect).
   */
  private static void produce(String topic) {
    Properties props = new Properties();
    props.put("bootstrap.servers", source());
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < RECORDS; i++) {
        String value = topic.contains("tombstone") && i % 7 == 3 ? null : "{\"id\":" + i + ",\"name\":\"n" + i + "\",\"secret\":\"s" + i
            + "\",\"nested\":{\"a\":" + i + "}}";
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0, TopicData.BASE_TS + i * 3_600_000L,
            ("{\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8),
            value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        record.headers().add("h1", ("v" + i).getBytes(StandardCharsets.UTF_8));
        if (i % 5 == 0) {
          record.headers().add("drop", "1".getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record);
      }
    }
  }

  private static boolean copiedAll(String connector) {
    var offsets = api.get("/connectors/" + connector + "/offsets").json();
    return offsets != null && offsets.path("offsets").size() == 1
        && offsets.path("offsets").get(0).path("offset").path("offset").asLong() == RECORDS;
  }

  /** Kafka's own transform, on the source records as Connect's worker would see them: output topic → records. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, List<String>> expected(String topic, Case c) throws Exception {
    JsonConverter keys = converter(true);
    JsonConverter values = converter(false);
    SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();
    headerConverter.configure(Map.of());
    Transformation<SourceRecord> transform = (Transformation<SourceRecord>) instance(c.type());
    transform.configure(c.settings());
    Predicate<SourceRecord> predicate = null;
    if (c.predicate() != null) {
      predicate = (Predicate<SourceRecord>) instance(c.predicate());
      predicate.configure(c.predicateSettings());
    }
    String copyTopic = topic + ".out";
    Map<String, List<String>> out = new TreeMap<>();
    out.put(copyTopic, new ArrayList<>());
    for (ConsumerRecord<byte[], byte[]> record : Mm2.readAll(source(), new TopicPartition(topic, 0))) {
      SchemaAndValue key = keys.toConnectData(copyTopic, record.headers(), record.key());
      SchemaAndValue value = values.toConnectData(copyTopic, record.headers(), record.value());
      ConnectHeaders headers = new ConnectHeaders();
      for (Header h : record.headers()) {
        headers.add(h.key(), headerConverter.toConnectHeader(copyTopic, h.key(), h.value()));
      }
      SourceRecord in = new SourceRecord(Map.of(), Map.of(), copyTopic, record.partition(), key.schema(), key.value(),
          value.schema(), value.value(), record.timestamp(), headers);
      SourceRecord result = predicate == null || predicate.test(in) != c.negate() ? transform.apply(in) : in;
      if (result == null) {
        continue;
      }
      RecordHeaders written = new RecordHeaders();
      for (org.apache.kafka.connect.header.Header h : result.headers()) {
        written.add(h.key(), headerConverter.fromConnectHeader(result.topic(), h.key(), h.schema(), h.value()));
      }
      byte[] keyBytes = keys.fromConnectData(result.topic(), written, result.keySchema(), result.key());
      byte[] valueBytes = values.fromConnectData(result.topic(), written, result.valueSchema(), result.value());
      out.computeIfAbsent(result.topic(), t -> new ArrayList<>())
          .add(describe(keyBytes, valueBytes, written, result.timestamp()));
    }
    return out;
  }

  private static List<String> read(String topic) {
    if (!Mm2.topics(target()).contains(topic)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : Mm2.readAll(target(), new TopicPartition(topic, 0))) {
      out.add(describe(r.key(), r.value(), r.headers(), r.timestamp()));
    }
    return out;
  }

  private static String describe(byte[] key, byte[] value, Iterable<Header> headers, long timestamp) {
    Map<String, String> h = new LinkedHashMap<>();
    headers.forEach(header -> h.put(header.key(), header.value() == null ? null
        : new String(header.value(), StandardCharsets.UTF_8)));
    return (key == null ? "null" : new String(key, StandardCharsets.UTF_8)) + " | "
        + (value == null ? "null" : new String(value, StandardCharsets.UTF_8)) + " | " + h + " | " + timestamp;
  }

  private static JsonConverter converter(boolean isKey) {
    JsonConverter converter = new JsonConverter();
    converter.configure(new HashMap<>(Map.of("schemas.enable", "false")), isKey);
    return converter;
  }

  private static Object instance(String type) throws Exception {
    String name = type.contains(".") ? type
        : (type.startsWith("RecordIs") || type.startsWith("Has") || type.startsWith("TopicName") ? P : T) + type;
    return Class.forName(name).getDeclaredConstructor().newInstance();
  }
}
