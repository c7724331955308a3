package dev.ferry.connectors.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Seed 004's configs as the article has them (test resources {@code seed004/}), with only the
 * addresses changed: the sink's {@code connection.url}, the JDBC source's database URL.
 */
public final class Seed004 {

  private Seed004() {}

  /** The Elasticsearch sink's properties file, {@code connection.url} set to {@code url}. */
  public static Map<String, String> properties(String url) {
    Properties properties = new Properties();
    try (InputStream in = resource("elasticsearch-sink.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> config = new LinkedHashMap<>();
    properties.forEach((k, v) -> config.put((String) k, (String) v));
    config.put("connection.url", url);
    return config;
  }

  /** The Elasticsearch sink JSON's config, {@code connection.url} set to {@code url}. */
  public static Map<String, String> sinkJson(String url) {
    Map<String, String> config = json("es-sink-mysql-sampleData-01.json");
    config.put("connection.url", url);
    return config;
  }

  /** The JDBC source JSON's config, {@code connection.url} set to {@code jdbcUrl}. */
  public static Map<String, String> jdbcSourceJson(String jdbcUrl) {
    Map<String, String> config = json("jdbc_source_mysql_sample_01.json");
    config.put("connection.url", jdbcUrl);
    return config;
  }

  /** The name a seed JSON gives its connector. */
  public static String name(String file) {
    return tree(file).path("name").asText();
  }

  /** A seed JSON file as it is (for posting it whole). */
  public static String text(String file) {
    try (InputStream in = resource(file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> json(String file) {
    Map<String, String> config = new LinkedHashMap<>();
    tree(file).path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
    return config;
  }

  private static JsonNode tree(String file) {
    try (InputStream in = resource(file)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String file) {
    InputStream in = Seed004.class.getResourceAsStream("/seed004/" + file);
    if (in == null) {
      throw new IllegalStateException("missing test resource seed004/" + file);
    }
    return in;
  }
}
