package dev.ferry.it;

import com.typesafe.config.ConfigFactory;
import dev.ferry.engine.persistence.JournalSchema;
import dev.ferry.testkit.TestDatabase;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A journal written by an earlier Ferry version (an H2 file under {@code src/test/resources/upgrade}),
 * moved to this test's machine: installed as the journal of a node's data directory (H2), or
 * copied row by row into the node's PostgreSQL schema when the suite runs on PostgreSQL. The broker
 * addresses the old node used are replaced in every event and snapshot by this run's, as an
 * operator moving a journal to new brokers would.
 */
final class JournalFixture {

  private JournalFixture() {}

  /** Installs {@code fixture} as the journal of a node on {@code dataDir}, replacing strings as given. */
  static void install(Path fixture, Path dataDir, Map<String, String> replacements) throws IOException, SQLException {
    Path journal = dataDir.resolve("journal");
    Files.createDirectories(journal);
    Path h2 = journal.resolve("ferry.mv.db");
    Files.copy(fixture, h2);
    String h2Url = "jdbc:h2:file:" + journal.resolve("ferry");
    try (Connection old = DriverManager.getConnection(h2Url, "sa", "")) {
      rewrite(old, "event_journal", "event_payload", replacements);
      rewrite(old, "snapshot", "snapshot_payload", replacements);
      if (TestNodes.onPostgres()) {
        String schema = TestNodes.schemaOf(dataDir);
        JournalSchema.create(ConfigFactory.parseMap(Map.of(
            "ferry.persistence.dialect", "postgres", "ferry.persistence.url", TestDatabase.URL,
            "ferry.persistence.user", TestDatabase.USER, "ferry.persistence.password", "",
            "ferry.persistence.schema", schema))).apply();
        try (Connection pg = DriverManager.getConnection(TestDatabase.URL, TestDatabase.USER, "")) {
          copy(old, pg, "event_journal", schema);
          copy(old, pg, "snapshot", schema);
          try (Statement s = pg.createStatement()) {
            s.execute("SELECT setval(pg_get_serial_sequence('" + schema + ".event_journal', 'ordering'), "
                + "(SELECT max(ordering) FROM " + schema + ".event_journal))");
          }
        }
      }
    }
  }

  private static void rewrite(Connection db, String table, String column, Map<String, String> replacements)
      throws SQLException {
    try (Statement select = db.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
         ResultSet rows = select.executeQuery("SELECT * FROM \"" + table + "\"")) {
      while (rows.next()) {
        String payload = new String(rows.getBytes(column), StandardCharsets.UTF_8);
        String replaced = payload;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
          replaced = replaced.replace(r.getKey(), r.getValue());
        }
        if (!replaced.equals(payload)) {
          rows.updateBytes(column, replaced.getBytes(StandardCharsets.UTF_8));
          rows.updateRow();
        }
      }
    }
  }

  private static void copy(Connection from, Connection to, String table, String schema) throws SQLException {
    try (Statement select = from.createStatement(); ResultSet rows = select.executeQuery("SELECT * FROM \"" + table + "\"")) {
      ResultSetMetaData meta = rows.getMetaData();
      StringBuilder columns = new StringBuilder();
      StringBuilder marks = new StringBuilder();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.append(i > 1 ? "," : "").append(meta.getColumnName(i));
        marks.append(i > 1 ? "," : "").append('?');
      }
      try (PreparedStatement insert = to.prepareStatement(
          "INSERT INTO " + schema + "." + table + " (" + columns + ") VALUES (" + marks + ")")) {
        while (rows.next()) {
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            insert.setObject(i, rows.getObject(i) instanceof java.sql.Blob blob ? blob.getBytes(1, (int) blob.length())
                : rows.getObject(i));
          }
          insert.executeUpdate();
        }
      }
    }
  }

  /** Produces records {@code from..from+count-1} of {@link TopicData#record} into one partition. */
  static void produce(String bootstrap, String topic, int partition, long from, long count) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long n = from; n < from + count; n++) {
        producer.send(TopicData.record(topic, partition, n, 64));
      }
      producer.flush();
    }
  }
}
