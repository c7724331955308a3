package dev.ferry.connectors.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.connectors.search.DocumentMaker.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class DocumentMakerTest {

  private static final ServerInfo OPENSEARCH = new ServerInfo("OpenSearch", "2.19.1", 2, 19);
  private static final ServerInfo ES6 = new ServerInfo("Elasticsearch", "6.8.23", 6, 8);

  private static DocumentMaker maker(ServerInfo server, String... config) {
    Map<String, String> keys = new java.util.HashMap<>(Map.of("connection.url", "http://h:9200"));
    for (int i = 0; i < config.length; i += 2) {
      keys.put(config[i], config[i + 1]);
    }
    return new DocumentMaker(SearchSinkConfig.parse(keys, new ArrayList<>(), new ArrayList<>()).rules(), server);
  }

  private static String lines(Outcome outcome) {
    return new String(assertInstanceOf(Outcome.Made.class, outcome).document().lines(), StandardCharsets.UTF_8);
  }

  private static SinkRecord record(Object key, Object value, long offset) {
    return new SinkRecord("Orders", 2, null, key, null, value, offset, 1_700_000_000_000L,
        org.apache.kafka.common.record.TimestampType.CREATE_TIME);
  }

  @Test
  void keyIgnoreMakesOffsetIdsWithoutVersionsIntoTheLowerCasedTopicIndex() {
    String lines = lines(maker(OPENSEARCH, "key.ignore", "true").make(record("k", Map.of("a", 1), 7)));
    assertEquals("{\"index\":{\"_index\":\"orders\",\"_id\":\"Orders+2+7\"}}\n{\"a\":1}\n", lines,
        "id topic+partition+offset, index the topic lower-cased");
  }

  @Test
  void keyIdsCarryTheOffsetAsExternalVersion() {
    String lines = lines(maker(OPENSEARCH).make(record(42L, Map.of("a", "x"), 9)));
    assertEquals("{\"index\":{\"_index\":\"orders\",\"_id\":\"42\",\"version\":9,\"version_type\":\"external\"}}\n"
        + "{\"a\":\"x\"}\n", lines, "key as id, offset as external version");
  }

  @Test
  void upsertsUpdateWithDocAsUpsert() {
    String lines = lines(maker(OPENSEARCH, "write.method", "upsert").make(record("k", Map.of("a", 1), 3)));
    assertEquals("{\"update\":{\"_index\":\"orders\",\"_id\":\"k\",\"retry_on_conflict\":3}}\n"
        + "{\"doc\":{\"a\":1},\"doc_as_upsert\":true}\n", lines, "update with doc_as_upsert");
  }

  @Test
  void tombstonesFollowBehaviorOnNullValues() {
    assertEquals("{\"delete\":{\"_index\":\"orders\",\"_id\":\"k\",\"version\":5,\"version_type\":\"external\"}}\n",
        lines(maker(OPENSEARCH, "behavior.on.null.values", "delete").make(record("k", null, 5))), "delete by key");
    assertInstanceOf(Outcome.Skipped.class, maker(OPENSEARCH, "behavior.on.null.values", "ignore")
        .make(record("k", null, 5)), "ignore skips");
    Outcome.Invalid fail = assertInstanceOf(Outcome.Invalid.class, maker(OPENSEARCH).make(record("k", null, 5)),
        "fail (the default) rejects");
    assertTrue(fail.nullValue() && fail.error().getMessage().contains("behavior.on.null.values=fail"),
        "names the key: " + fail.error().getMessage());
  }

  @Test
  void unusableKeysAreInvalidNamingTheFix() {
    Outcome.Invalid nullKey = assertInstanceOf(Outcome.Invalid.class, maker(OPENSEARCH).make(record(null, Map.of(), 1)),
        "a null key cannot be an id");
    assertTrue(nullKey.error().getMessage().contains("key.ignore=true"), nullKey.error().getMessage());
    Outcome.Invalid mapKey = assertInstanceOf(Outcome.Invalid.class,
        maker(OPENSEARCH).make(record(Map.of("id", 1), Map.of(), 1)), "a map key cannot be an id");
    assertTrue(mapKey.error().getMessage().contains("not a map"), mapKey.error().getMessage());
  }

  @Test
  void onlyServersWithMappingTypesGetTypeName() {
    assertTrue(lines(maker(ES6, "type.name", "log").make(record("k", Map.of(), 1))).contains("\"_type\":\"log\""),
        "Elasticsearch 6 needs its type");
    assertTrue(!lines(maker(OPENSEARCH, "type.name", "log").make(record("k", Map.of(), 1))).contains("\"_type\""),
        "OpenSearch has none");
  }

  @Test
  void structsKeepTypesAndDataStreamsGetTimestamps() {
    Schema schema = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("ts", Timestamp.SCHEMA)
        .field("price", org.apache.kafka.connect.data.Decimal.schema(2)).build();
    Struct value = new Struct(schema).put("id", 1).put("ts", new java.util.Date(1_000L))
        .put("price", new java.math.BigDecimal("12.50"));
    SinkRecord record = new SinkRecord("logs", 0, null, null, schema, value, 4, 1_700_000_000_000L,
        org.apache.kafka.common.record.TimestampType.CREATE_TIME);
    assertEquals("{\"create\":{\"_index\":\"logs-app-logs\",\"_id\":\"logs+0+4\"}}\n"
            + "{\"id\":1,\"ts\":1000,\"price\":12.50,\"@timestamp\":1700000000000}\n",
        lines(maker(OPENSEARCH, "key.ignore", "true", "data.stream.type", "logs", "data.stream.dataset", "app")
            .make(record)), "data stream create, decimal as number, timestamp as millis, @timestamp from the record");
  }
}
