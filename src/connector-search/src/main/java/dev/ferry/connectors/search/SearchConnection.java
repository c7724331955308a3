package dev.ferry.connectors.search;

import java.util.List;

/**
 * Where and how a search sink talks to its cluster: Confluent's {@code connection.*},
 * {@code *.timeout.ms}, {@code proxy.*} and {@code elastic.https.*} keys. It is also the key of the
 * node's pooled clients ({@link SearchClients}): connectors with the same connection share one
 * HTTP client and its connection pool. Passwords never appear in {@link #toString()}.
 *
 * @param urls             {@code connection.url}: the nodes' base URLs ({@code http://host:9200})
 * @param username         {@code connection.username}, or null for no authentication
 * @param password         {@code connection.password}, or null
 * @param connectTimeoutMs {@code connection.timeout.ms}
 * @param readTimeoutMs    {@code read.timeout.ms}
 * @param idleTimeoutMs    {@code max.connection.idle.time.ms}: pooled connections idle longer are closed
 * @param tls              TLS settings when any URL is {@code https} or {@code elastic.security.protocol=SSL}, else null
 * @param proxy            an HTTP proxy, or null
 */
public record SearchConnection(List<String> urls, String username, String password, int connectTimeoutMs,
                               int readTimeoutMs, int idleTimeoutMs, TlsSettings tls, Proxy proxy) {

  /**
   * An HTTP proxy ({@code proxy.host}, {@code proxy.port}, {@code proxy.username}, {@code proxy.password}).
   *
   * @param host     proxy host
   * @param port     proxy port
   * @param username proxy user, or null
   * @param password proxy password, or null
   */
  public record Proxy(String host, int port, String username, String password) {
    @Override
    public String toString() {
      return host + ":" + port + (username == null ? "" : " as " + username);
    }
  }

  /** Whether requests carry HTTP basic authentication. */
  public boolean authenticated() {
    return username != null && password != null;
  }

  @Override
  public String toString() {
    return String.join(",", urls) + (username == null ? "" : " as " + username)
        + (tls == null ? "" : " (TLS)") + (proxy == null ? "" : " via proxy " + proxy);
  }
}
