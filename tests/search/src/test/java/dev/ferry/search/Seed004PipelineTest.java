package dev.ferry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.connectors.search.Seed004;
import dev.ferry.engine.connector.ConnectorTypes;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's whole pipeline: table {@code sample_data} in MariaDB → the seed's JDBC source JSON
 * (database URL changed) → topic {@code mysql-sample_data} → the seed's Elasticsearch sink JSON
 * ({@code connection.url} changed) → index {@code mysql-sample_data}; rows inserted later appear
 * too, counted and compared by id. Runs once the JDBC source connector type is on the class path
 * (built on branch {@code jdbc}); until then it is skipped with that reason.
 */
class Seed004PipelineTest extends SearchTestBase {

  private static final String JDBC_SOURCE = "io.confluent.connect.jdbc.JdbcSourceConnector";
  private static final String TOPIC = "mysql-sample_data";
  private static final String DATABASE = "ferry_seed004";

  @BeforeAll
  static void start() {
    startNode(Map.of());
  }

  @Test
  void mariadbRowsReachTheIndexIncludingRowsInsertedLater() throws Exception {
    assumeTrue(ConnectorTypes.find(JDBC_SOURCE).isPresent(),
        "the JDBC source connector (branch jdbc, module connector-jdbc) is not merged yet");
    mariadb("CREATE DATABASE IF NOT EXISTS " + DATABASE + "; USE " + DATABASE + "; DROP TABLE IF EXISTS sample_data; "
        + "CREATE TABLE sample_data (id INT PRIMARY KEY, name VARCHAR(64), "
        + "update_ts TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)); "
        + "insert into sample_data (id, name) values(1,'claus'); "
        + "insert into sample_data (id, name) values (2,'kimi'),(3,'raikkonen'),(4,'lv')");
    try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka()))) {
      if (admin.listTopics().names().get().contains(TOPIC)) {
        admin.deleteTopics(java.util.List.of(TOPIC)).all().get(); // SeedConfigsTest wrote its own records there
      }
    }
    index.deleteIndex(TOPIC);

    Map<String, String> source = Seed004.jdbcSourceJson("jdbc:mysql://127.0.0.1:3306/" + DATABASE
        + "?user=root&password=");
    api.create(Seed004.name("jdbc_source_mysql_sample_01.json"), source);
    api.create(Seed004.name("es-sink-mysql-sampleData-01.json"), Seed004.sinkJson(search.url()));
    awaitCount(TOPIC, 4);
    assertEquals(Map.of(1, "claus", 2, "kimi", 3, "raikkonen", 4, "lv"), namesById(), "the article's rows, by id");

    mariadb("USE " + DATABASE + "; insert into sample_data (id, name) values (5,'later'),(6,'much later')");
    awaitCount(TOPIC, 6);
    assertEquals(Map.of(1, "claus", 2, "kimi", 3, "raikkonen", 4, "lv", 5, "later", 6, "much later"), namesById(),
        "rows inserted later are indexed too, each once");
  }

  private static Map<Integer, String> namesById() {
    JsonNode hits = index.search(TOPIC, "{\"size\":100}").path("hits").path("hits");
    Map<Integer, String> names = new TreeMap<>();
    hits.forEach(hit -> names.put(hit.path("_source").path("id").asInt(), hit.path("_source").path("name").asText()));
    return names;
  }

  private static void mariadb(String sql) throws IOException, InterruptedException {
    Process client = new ProcessBuilder("mariadb", "-h127.0.0.1", "-P3306", "-uroot", "-e", sql)
        .redirectErrorStream(true).start();
    String output = new String(client.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (client.waitFor() != 0) {
      throw new IllegalStateException("mariadb failed: " + output);
    }
  }
}
