package dev.ferry.connectors.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What the search server said about itself in {@code GET /}, read once per client: its product
 * (OpenSearch names itself with {@code version.distribution}, Elasticsearch does not) and version,
 * which decide the few places where the {@code _bulk} dialects differ.
 *
 * @param product "OpenSearch" or "Elasticsearch"
 * @param version the version number as reported, e.g. {@code 2.19.1}
 * @param major   its major version
 * @param minor   its minor version
 */
public record ServerInfo(String product, String version, int major, int minor) {

  static final String OPENSEARCH = "OpenSearch";
  static final String ELASTICSEARCH = "Elasticsearch";

  /** Parses a {@code GET /} answer; the message of a failure quotes what the server said. */
  public static ServerInfo parse(ObjectMapper json, byte[] body) {
    try {
      JsonNode version = json.readTree(body).path("version");
      boolean openSearch = "opensearch".equalsIgnoreCase(version.path("distribution").asText(""));
      return of(openSearch ? OPENSEARCH : ELASTICSEARCH, version.path("number").asText(""), "GET /", body);
    } catch (IOException e) {
      throw new IllegalArgumentException("GET / did not answer like Elasticsearch or OpenSearch: " + preview(body), e);
    }
  }

  /**
   * Parses a {@code GET /_nodes/_local} answer, for servers whose {@code GET /} is closed to the
   * connector's user: Elasticsearch reports a {@code build_flavor}, OpenSearch does not.
   */
  public static ServerInfo parseNodes(ObjectMapper json, byte[] body) {
    try {
      JsonNode nodes = json.readTree(body).path("nodes");
      JsonNode node = nodes.elements().hasNext() ? nodes.elements().next() : nodes;
      String product = node.path("build_flavor").isMissingNode() ? OPENSEARCH : ELASTICSEARCH;
      return of(product, node.path("version").asText(""), "GET /_nodes/_local", body);
    } catch (IOException e) {
      throw new IllegalArgumentException("GET /_nodes/_local did not answer like Elasticsearch or OpenSearch: "
          + preview(body), e);
    }
  }

  private static ServerInfo of(String product, String number, String request, byte[] body) {
    String[] parts = number.split("[.-]");
    if (number.isEmpty() || !parts[0].matches("\\d+")) {
      throw new IllegalArgumentException(request + " answered without a version number: " + preview(body));
    }
    int minor = parts.length > 1 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : 0;
    return new ServerInfo(product, number, Integer.parseInt(parts[0]), minor);
  }

  /** Whether bulk actions carry {@code _type}: Elasticsearch 6 and older only. */
  public boolean hasMappingTypes() {
    return product.equals(ELASTICSEARCH) && major < 7;
  }

  /** Whether the server has data streams (Elasticsearch 7.9+, every OpenSearch). */
  public boolean hasDataStreams() {
    return product.equals(OPENSEARCH) || major > 7 || major == 7 && minor >= 9;
  }

  /** Whether composable index templates ({@code PUT _index_template}) exist: as data streams. */
  public boolean hasComposableTemplates() {
    return hasDataStreams();
  }

  @Override
  public String toString() {
    return product + " " + version;
  }

  static String preview(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
