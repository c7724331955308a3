package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * Connect's converters run in a sink flow as Connect's worker runs them, on records from a real
 * broker: JsonConverter with schemas gives a Struct with its schema, without schemas a map, a bad
 * document none of them; StringConverter gives the text; ByteArrayConverter the bytes as they are;
 * headers go through the header converter; the worker's defaults apply where the connector names
 * none.
 */
@OneNodeTestBase.NodeSettings({
    "ferry.connect.worker.\"value.converter\"=org.apache.kafka.connect.storage.StringConverter"})
class ConvertersTest extends OneNodeTestBase {

  private static final String WITH_SCHEMA = "{\"schema\":{\"type\":\"struct\",\"fields\":["
      + "{\"field\":\"id\",\"type\":\"int32\",\"optional\":false},{\"field\":\"name\",\"type\":\"string\"}],"
      + "\"optional\":false,\"name\":\"person\"},\"payload\":{\"id\":7,\"name\":\"Ada\"}}";
  private static final String SCHEMALESS = "{\"id\":7,\"name\":\"Ada\",\"tags\":[\"x\",\"y\"]}";

  @Test
  void jsonWithSchemasGivesAStructWithItsSchema() {
    List<SinkRecord> records = sinkOf("conv-json-schema", WITH_SCHEMA, Map.of(
        "value.converter", "org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable", "true"));
    Struct value = (Struct) records.get(0).value();
    assertEquals("person", records.get(0).valueSchema().name(), "the schema's name from the envelope");
    assertEquals(Schema.Type.STRUCT, records.get(0).valueSchema().type(), "a struct schema");
    assertEquals(7, value.getInt32("id"), "typed field id");
    assertEquals("Ada", value.getString("name"), "typed field name");
  }

  @Test
  void jsonWithoutSchemasGivesAMap() {
    List<SinkRecord> records = sinkOf("conv-json-plain", SCHEMALESS, Map.of(
        "value.converter", "JsonConverter", "value.converter.schemas.enable", "false"));
    assertNull(records.get(0).valueSchema(), "schemaless: no value schema");
    assertEquals(Map.of("id", 7L, "name", "Ada", "tags", List.of("x", "y")), records.get(0).value(),
        "the document as a map (numbers as longs, as Connect's JsonConverter reads them)");
  }

  @Test
  void stringAndByteArrayConvertersAndTheWorkerDefault() {
    List<SinkRecord> strings = sinkOf("conv-string", SCHEMALESS, Map.of(
        "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
    assertEquals(SCHEMALESS, strings.get(0).value(), "StringConverter gives the text");
    assertEquals(Schema.OPTIONAL_STRING_SCHEMA, strings.get(0).valueSchema(), "with the optional string schema");

    List<SinkRecord> bytes = sinkOf("conv-bytes", SCHEMALESS, Map.of(
        "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"));
    assertArrayEquals(SCHEMALESS.getBytes(StandardCharsets.UTF_8), (byte[]) bytes.get(0).value(),
        "ByteArrayConverter gives the bytes as they are");

    List<SinkRecord> byDefault = sinkOf("conv-default", SCHEMALESS, Map.of());
    assertEquals(SCHEMALESS, byDefault.get(0).value(),
        "no value.converter: the worker's (ferry.connect.worker) StringConverter applies");
    assertEquals("h-value", byDefault.get(0).headers().lastWithName("h").value(),
        "headers through the default SimpleHeaderConverter");
    assertEquals("k-1", byDefault.get(0).key(), "the key through the connector's key.converter");
  }

  /** Writes one record to a fresh topic and returns what a recording sink with {@code converters} received. */
  private static List<SinkRecord> sinkOf(String topic, String value, Map<String, String> converters) {
    dev.ferry.testkit.TopicData.createTopic(target(), topic, 1);
    Properties props = new Properties();
    props.put("bootstrap.servers", target());
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0, "k-1".getBytes(StandardCharsets.UTF_8),
          value.getBytes(StandardCharsets.UTF_8));
      record.headers().add("h", "h-value".getBytes(StandardCharsets.UTF_8));
      producer.send(record);
    }
    Map<String, String> config = new HashMap<>(converters);
    config.put("connector.class", "RecordingSinkConnector");
    config.put("topics", topic);
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    api.create(topic, config);
    Await.until(Duration.ofSeconds(60), () -> !RecordingSinkType.WRITTEN.getOrDefault(topic, List.of()).isEmpty(),
        () -> "the sink " + topic + " received the record: " + api.get("/connectors/" + topic + "/status"));
    return RecordingSinkType.WRITTEN.get(topic);
  }
}
