package dev.ferry.connectors.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.connector.ConnectorTypes;
import dev.ferry.engine.spi.ConfigKeyDefinition;
import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.ConnectorPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSinkConnectorTypeTest {

  private static final Config NODE = ConfigFactory.parseMap(Map.of("ferry.target.bootstrap-servers", "127.0.0.1:9092"))
      .withFallback(ConfigFactory.load());
  private static final ConnectorContext CONTEXT = new ConnectorContext(EngineSettings.create(NODE), NODE);

  @Test
  void confluentClassAndSimpleNamesFindTheSearchSink() {
    for (String name : List.of("io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
        "ElasticsearchSinkConnector", "ElasticsearchSink", "OpensearchSinkConnector")) {
      assertEquals(SearchSinkConnectorType.class, ConnectorTypes.find(name).map(Object::getClass).orElse(null),
          name + " should name the search sink");
    }
  }

  @Test
  void seedPropertiesFilePlansWithTypeNameAcceptedAndTopicIndexMapApplied() {
    Map<String, String> config = Seed004.properties("http://127.0.0.1:9200");
    ConnectorPlan plan = new SearchSinkConnectorType().plan("elasticsearch-sink", config, CONTEXT);
    assertTrue(plan.warnings().stream().anyMatch(w -> w.startsWith("type.name=log is accepted")),
        "type.name should be accepted with a warning, got " + plan.warnings());
    SearchSinkConfig parsed = SearchSinkConfig.parse(config, new java.util.ArrayList<>(), new java.util.ArrayList<>());
    assertEquals("logs_index", parsed.rules().indexFor("logs"), "topic.index.map should send logs to logs_index");
    assertTrue(parsed.rules().ignoresKey("logs"), "key.ignore=true");
    assertTrue(parsed.rules().ignoresSchema("logs"), "schema.ignore=true");
  }

  @Test
  void seedJsonPlansWithAvroConvertersFallingBackToJsonWithWarnings() {
    Map<String, String> config = Seed004.sinkJson("http://127.0.0.1:9200");
    ConnectorPlan plan = new SearchSinkConnectorType().plan("es-sink-mysql-sampleData-01", config, CONTEXT);
    List<String> warnings = plan.warnings();
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("value.converter=io.confluent.connect.avro.AvroConverter "
        + "is not installed")), "value converter fallback should be announced, got " + warnings);
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("key.converter=io.confluent.connect.avro.AvroConverter "
        + "is not installed")), "key converter fallback should be announced, got " + warnings);
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("type.name=type.name=kafka-connect is accepted")),
        "the seed's odd type.name should be accepted, got " + warnings);
  }

  @Test
  void everyProblemIsReportedAtOnceNamingItsKey() {
    Map<String, String> config = new HashMap<>(Map.of(
        "connector.class", "ElasticsearchSinkConnector", "topics", "t",
        "connection.url", "localhost:9200", "write.method", "replace", "batch.size", "0",
        "connection.username", "elastic", "behavior.on.null.values", "drop", "data.stream.dataset", "x"));
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class,
        () -> new SearchSinkConnectorType().plan("bad", config, CONTEXT));
    List<String> errors = e.errors();
    for (String key : List.of("connection.url", "write.method", "batch.size", "connection.password",
        "behavior.on.null.values", "data.stream.type")) {
      assertTrue(errors.stream().anyMatch(m -> m.contains(key)), "an error should name " + key + ": " + errors);
    }
    assertEquals(6, errors.size(), "one error per problem: " + errors);
  }

  @Test
  void missingConnectionUrlIsRequired() {
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class, () -> new SearchSinkConnectorType()
        .plan("bad", Map.of("connector.class", "ElasticsearchSink", "topics", "t"), CONTEXT));
    assertEquals(List.of("Missing required configuration \"connection.url\" which has no default value."), e.errors(),
        "Connect's wording for a missing required key");
  }

  @Test
  void dataStreamsRefuseUpsertsAndDeletes() {
    Map<String, String> config = Map.of("connector.class", "ElasticsearchSink", "topics", "t",
        "connection.url", "http://h:9200", "data.stream.type", "logs", "data.stream.dataset", "app",
        "write.method", "upsert", "behavior.on.null.values", "delete");
    ConnectorConfigException e = assertThrows(ConnectorConfigException.class,
        () -> new SearchSinkConnectorType().plan("ds", config, CONTEXT));
    assertEquals(2, e.errors().size(), "upsert and delete are both refused: " + e.errors());
  }

  @Test
  void passwordsAreTypedPasswordAndNeverPrinted() {
    List<ConfigKeyDefinition> keys = new SearchSinkConnectorType().configKeys();
    for (String key : List.of("connection.password", "elastic.https.ssl.truststore.password",
        "elastic.https.ssl.keystore.password", "elastic.https.ssl.key.password", "proxy.password")) {
      assertEquals("PASSWORD", keys.stream().filter(k -> k.name().equals(key)).findFirst().orElseThrow().type(),
          key + " should be a PASSWORD key");
    }
    SearchSinkConfig parsed = SearchSinkConfig.parse(Map.of("connection.url", "https://h:9200",
        "connection.username", "elastic", "connection.password", "s3cret",
        "elastic.https.ssl.truststore.password", "trust-me"), new java.util.ArrayList<>(), new java.util.ArrayList<>());
    assertFalse(parsed.toString().contains("s3cret") || parsed.toString().contains("trust-me"),
        "no password in " + parsed);
    assertTrue(parsed.connection().tls() != null, "https:// turns TLS on");
  }
}
