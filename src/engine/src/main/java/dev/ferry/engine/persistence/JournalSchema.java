package dev.ferry.engine.persistence;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates the journal and snapshot tables of Pekko Persistence JDBC, idempotently, for H2 or
 * PostgreSQL ({@code ferry.persistence.dialect}) in {@code ferry.persistence.schema}.
 *
 * <p>Pekko's own DDL scripts are not idempotent and its SchemaUtils is meant for tests, so Ferry
 * ships its own statements (each {@code IF NOT EXISTS}). Runs before the actor system starts when
 * {@code ferry.persistence.create-schema = on}, or alone through {@code ferry-node schema}.
 */
public final class JournalSchema {

  private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final String dialect;
  private final String url;
  private final String user;
  private final String password;
  private final String schema;

  private JournalSchema(String dialect, String url, String user, String password, String schema) {
    this.dialect = dialect;
    this.url = url;
    this.user = user;
    this.password = password;
    this.schema = schema;
  }

  /** Reads {@code ferry.persistence}; fails naming the key when the dialect or schema is invalid. */
  public static JournalSchema create(Config config) {
    Config p = config.getConfig("ferry.persistence");
    String dialect = p.getString("dialect");
    if (!List.of("h2", "postgres").contains(dialect)) {
      throw new IllegalArgumentException("ferry.persistence.dialect must be h2 or postgres, was " + dialect);
    }
    String schema = p.getString("schema");
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException("ferry.persistence.schema must be a plain SQL identifier, was " + schema);
    }
    return new JournalSchema(dialect, p.getString("url"), p.getString("user"), p.getString("password"), schema);
  }

  /** Whether the node should run {@link #apply()} at start-up. */
  public static boolean enabledAtStartup(Config config) {
    return config.getBoolean("ferry.persistence.create-schema");
  }

  /**
   * Creates whatever is missing; running it again changes nothing. On PostgreSQL the DDL runs in
   * one transaction under an advisory lock, so several nodes starting at once (swarm replicas)
   * do not race on {@code CREATE ... IF NOT EXISTS}.
   */
  public void apply() {
    String script = loadScript().replace("${schema}", dialect.equals("h2") ? schema : schema.toLowerCase());
    try (Connection connection = DriverManager.getConnection(url, user, password);
         Statement statement = connection.createStatement()) {
      boolean postgres = dialect.equals("postgres");
      if (postgres) {
        connection.setAutoCommit(false);
        statement.execute("SELECT pg_advisory_xact_lock(" + ("ferry-schema:" + schema.toLowerCase()).hashCode() + ")");
      }
      for (String sql : statements(script)) {
        statement.execute(sql);
      }
      if (postgres) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the journal schema in " + url + ": " + e.getMessage(), e);
    }
  }

  /** The database this schema lives in, for log lines. */
  public String describe() {
    return dialect + " " + url + " schema " + schema;
  }

  private String loadScript() {
    String resource = "/ferry/schema/" + dialect + ".sql";
    try (InputStream in = JournalSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing schema script " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read schema script " + resource, e);
    }
  }

  private static List<String> statements(String script) {
    String withoutComments = Arrays.stream(script.split("\n"))
        .filter(line -> !line.trim().startsWith("--"))
        .reduce("", (a, b) -> a + b + "\n");
    return Arrays.stream(withoutComments.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
