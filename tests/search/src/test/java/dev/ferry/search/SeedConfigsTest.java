package dev.ferry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.connectors.search.Seed004;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's Elasticsearch sink configs, as the article has them with only {@code connection.url}
 * changed, indexing into a real OpenSearch node: the properties file (plain JSON values, as the
 * article's worker reads them: JsonConverter without schemas) and the JSON (Avro converters, which
 * fall back to JsonConverter with schemas).
 */
class SeedConfigsTest extends SearchTestBase {

  @BeforeAll
  static void start() {
    // The article's worker file: plain JSON values (schemas.enable=false), as its console producer writes them.
    startNode(Map.of("ferry.connect.worker.\"value.converter\"", "org.apache.kafka.connect.json.JsonConverter",
        "ferry.connect.worker.\"value.converter.schemas.enable\"", "false",
        "ferry.connect.worker.\"key.converter\"", "org.apache.kafka.connect.storage.StringConverter"));
  }

  @Test
  void propertiesFileIndexesLogsIntoTheMappedIndexWithOffsetIds() {
    Map<String, String> config = Seed004.properties(search.url());
    TopicData.createTopic(kafka(), "logs", 1);
    produce("logs", 1, 4, n -> null, n -> "{\"name\":\"f" + (n + 1) + "\",\"type\":\"string\"}");

    api.create(config.get("name"), config);
    awaitCount("logs_index", 4);

    JsonNode first = index.document("logs_index", "logs+0+0");
    assertNotNull(first, "key.ignore=true names documents topic+partition+offset, e.g. logs+0+0");
    assertEquals("f1", first.path("_source").path("name").asText(), "the first record's value is its source");
    assertEquals("string", first.path("_source").path("type").asText(), "every field is kept");
    assertEquals("f4", index.document("logs_index", "logs+0+3").path("_source").path("name").asText(),
        "the fourth record is logs+0+3");
    assertEquals(-1, index.count("logs"), "topic.index.map sends logs to logs_index, never to an index named logs");
    assertEquals("RUNNING", api.connectorState(config.get("name")),
        "the connector runs: " + api.get("/connectors/" + config.get("name") + "/status").body());
  }

  @Test
  void seedJsonIndexesStructRecordsWithTheirSchemaAsMapping() {
    Map<String, String> config = Seed004.sinkJson(search.url());
    String topic = config.get("topics");
    TopicData.createTopic(kafka(), topic, 1);
    // What a Ferry JDBC source writes for sample_data with the seed's converters (JsonConverter with schemas).
    produce(topic, 1, 4, n -> null, n -> "{\"schema\":{\"type\":\"struct\",\"name\":\"sample_data\",\"fields\":["
        + "{\"field\":\"id\",\"type\":\"int32\"},{\"field\":\"name\",\"type\":\"string\",\"optional\":true},"
        + "{\"field\":\"update_ts\",\"type\":\"int64\",\"name\":\"org.apache.kafka.connect.data.Timestamp\"}]},"
        + "\"payload\":{\"id\":" + (n + 1) + ",\"name\":\"name-" + (n + 1) + "\",\"update_ts\":" + (1532995281000L + n) + "}}");
    Map<String, String> withName = new HashMap<>(config);
    api.create(Seed004.name("es-sink-mysql-sampleData-01.json"), withName);
    awaitCount(topic, 4);

    JsonNode doc = index.document(topic, topic + "+0+0");
    assertNotNull(doc, "key.ignore=true: id " + topic + "+0+0");
    assertEquals(1, doc.path("_source").path("id").asInt(), "id field");
    assertEquals("name-1", doc.path("_source").path("name").asText(), "name field");
    JsonNode mapping = index.send("GET", "/" + topic + "/_mapping", null, java.time.Duration.ofSeconds(10)).json()
        .path(topic).path("mappings").path("properties");
    assertEquals("integer", mapping.path("id").path("type").asText(), "schema.ignore=false maps int32 to integer: "
        + mapping);
    assertEquals("date", mapping.path("update_ts").path("type").asText(), "Timestamp maps to date: " + mapping);
    Await.until(java.time.Duration.ofSeconds(30), () -> "RUNNING".equals(api.connectorState(
        Seed004.name("es-sink-mysql-sampleData-01.json"))), () -> "the seed's sink to run");
    assertEquals(4, index.count(topic), "exactly the 4 records of the article");
    api.delete("/connectors/" + Seed004.name("es-sink-mysql-sampleData-01.json"));
  }
}
