package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kafka Connect's config providers, resolved on the node: a replicator whose topic list and a
 * (PLAINTEXT-ignored) key password come from {@code ${file:...}} copies the topic the file names,
 * shows the placeholders in GET config and GET tasks, keeps them — never the values — in its
 * journal, and a bad resolved value is refused without showing a secret.
 */
class ConfigProvidersTest extends OneNodeTestBase {

  private static final String SECRET = "kp-9f3c2a77-secret";

  @Test
  void fileVariablesAreResolvedOnTheNodeAndNeverStored() throws Exception {
    String topic = "providers-topic";
    TopicData.createTopic(source(), topic, 1);
    TopicData.produce(source(), topic, 1, 0, 50, 20);
    Path secrets = Files.createTempFile("ferry-secrets", ".properties");
    Files.writeString(secrets, "topics=" + topic + "\nkeypass=" + SECRET + "\npolls=abc\n");
    Map<String, String> config = Replicator.whitelist(source(), "${file:" + secrets + ":topics}", "${topic}.copy");
    config.put("src.kafka.ssl.key.password", "${file:" + secrets + ":keypass}");
    api.create("providers", config);

    Await.until(Duration.ofSeconds(60),
        () -> TopicData.total(TopicData.digest(target(), topic + ".copy", Duration.ofSeconds(10))) == 50,
        () -> "the topic named in the file is copied");
    String shown = api.get("/connectors/providers/config").body();
    assertTrue(shown.contains("${file:" + secrets + ":keypass}"), "GET config shows the placeholder: " + shown);
    String tasks = api.get("/connectors/providers/tasks").body();
    assertFalse(tasks.contains(SECRET), "GET tasks does not show the resolved secret: " + tasks);
    assertFalse(journalContains(SECRET), "the journal holds no resolved secret");
    assertTrue(journalContains("${file:" + secrets + ":keypass}"), "but the placeholder");

    Map<String, String> bad = Replicator.whitelist(source(), topic, "${topic}.bad");
    bad.put("src.kafka.max.poll.records", "${file:" + secrets + ":polls}");
    bad.put("src.kafka.ssl.key.password", "${file:" + secrets + ":keypass}");
    var refused = api.post("/connectors", Map.of("name", "providers-bad", "config", bad));
    assertEquals(400, refused.status(), "a resolved value of the wrong type is refused: " + refused);
    assertTrue(refused.body().contains("src.kafka.max.poll.records"), "naming the key: " + refused);
    assertFalse(refused.body().contains(SECRET), "without any secret: " + refused);
    var unknown = Replicator.whitelist(source(), topic, "${topic}.bad");
    unknown.put("src.kafka.ssl.key.password", "${vault:secret/ferry:key}");
    var noProvider = api.post("/connectors", Map.of("name", "providers-unknown", "config", unknown));
    assertEquals(400, noProvider.status(), "an unknown provider is refused: " + noProvider);
    assertTrue(noProvider.body().contains("no config provider named \\\"vault\\\""), "saying so: " + noProvider);
  }

  /** Whether any journal or snapshot row holds {@code text} (H2 file or this node's PostgreSQL schema). */
  private static boolean journalContains(String text) throws Exception {
    String url;
    String table1 = "event_journal";
    String table2 = "snapshot";
    String user;
    if (TestNodes.onPostgres()) {
      return pgContains(text);
    }
    Path journal = Path.of(node.system().settings().config().getString("ferry.node.data-dir"), "journal", "ferry");
    url = "jdbc:h2:file:" + journal + ";AUTO_SERVER=TRUE";
    user = "sa";
    try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
      for (String table : new String[] {table1, table2}) {
        String column = table.equals(table1) ? "event_payload" : "snapshot_payload";
        try (ResultSet rows = s.executeQuery("SELECT \"" + column + "\" FROM \"" + table + "\"")) {
          while (rows.next()) {
            if (new String(rows.getBytes(1), StandardCharsets.UTF_8).contains(text)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean pgContains(String text) throws Exception {
    String schema = node.system().settings().config().getString("ferry.persistence.schema");
    try (Connection c = DriverManager.getConnection(dev.ferry.testkit.TestDatabase.URL,
        dev.ferry.testkit.TestDatabase.USER, ""); Statement s = c.createStatement()) {
      for (String q : new String[] {"SELECT event_payload FROM " + schema + ".event_journal",
          "SELECT snapshot_payload FROM " + schema + ".snapshot"}) {
        try (ResultSet rows = s.executeQuery(q)) {
          while (rows.next()) {
            if (new String(rows.getBytes(1), StandardCharsets.UTF_8).contains(text)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
