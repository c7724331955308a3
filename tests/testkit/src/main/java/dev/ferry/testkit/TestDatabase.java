package dev.ferry.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The PostgreSQL server of the test machine (trust auth, database {@code test}) and its per-test schemas. */
public final class TestDatabase {

  /** JDBC URL ({@code -Dferry.test.db-url} overrides it). */
  public static final String URL = System.getProperty("ferry.test.db-url", "jdbc:postgresql://127.0.0.1:5432/test");
  /** User (trust auth: no password). */
  public static final String USER = System.getProperty("ferry.test.db-user", "postgres");

  private TestDatabase() {}

  /** Drops the schemas and everything in them; problems are printed, not thrown (cleanup only). */
  public static void dropSchemas(Iterable<String> schemas) {
    try (Connection connection = DriverManager.getConnection(URL, USER, "");
         Statement statement = connection.createStatement()) {
      for (String schema : schemas) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } catch (Exception e) {
      System.err.println("could not drop test schemas " + schemas + ": " + e);
    }
  }
}
