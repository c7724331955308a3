package dev.ferry.connectors.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.nio.reactor.IOReactorConfig;
import org.apache.http.util.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.ResponseListener;
import org.opensearch.client.RestClient;
import org.opensearch.client.RestClientBuilder;

/**
 * One search cluster's HTTP client, shared by every flow that writes there (see
 * {@link SearchClients}): a low-level REST client (Apache HttpAsyncClient with a connection pool
 * over every {@code connection.url}, failing over between them) that never blocks a caller, and
 * the server's identity, read with {@code GET /} once and kept. Requests answer with
 * {@link HttpResult} whatever their status; a failure to get any answer fails the stage.
 */
public final class SearchClient implements AutoCloseable {

  /** NDJSON, as {@code _bulk} wants it. */
  static final ContentType NDJSON = ContentType.create("application/x-ndjson", java.nio.charset.StandardCharsets.UTF_8);

  private final SearchConnection connection;
  private final RestClient rest;
  private final ObjectMapper json = new ObjectMapper();
  private volatile CompletableFuture<ServerInfo> serverInfo;

  SearchClient(SearchConnection connection) {
    this.connection = connection;
    this.rest = build(connection);
  }

  private static RestClient build(SearchConnection connection) {
    HttpHost[] hosts = connection.urls().stream().map(HttpHost::create).toArray(HttpHost[]::new);
    RestClientBuilder builder = RestClient.builder(hosts)
        .setRequestConfigCallback(config -> config
            .setConnectTimeout(connection.connectTimeoutMs())
            .setSocketTimeout(connection.readTimeoutMs()))
        .setHttpClientConfigCallback(client -> {
          client.setMaxConnPerRoute(64).setMaxConnTotal(128)
              .setDefaultIOReactorConfig(IOReactorConfig.custom()
                  .setIoThreadCount(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
                  .setSoKeepAlive(true).build())
              .setKeepAliveStrategy((response, context) -> connection.idleTimeoutMs());
          BasicCredentialsProvider credentials = new BasicCredentialsProvider();
          if (connection.authenticated()) {
            credentials.setCredentials(AuthScope.ANY,
                new UsernamePasswordCredentials(connection.username(), connection.password()));
          }
          if (connection.proxy() != null) {
            SearchConnection.Proxy proxy = connection.proxy();
            client.setProxy(new HttpHost(proxy.host(), proxy.port()));
            if (proxy.username() != null) {
              credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                  new UsernamePasswordCredentials(proxy.username(), proxy.password()));
            }
          }
          client.setDefaultCredentialsProvider(credentials);
          if (connection.tls() != null) {
            client.setSSLContext(connection.tls().context());
            if (!connection.tls().verifyHostname()) {
              client.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
          }
          return client;
        });
    String path = URI.create(connection.urls().get(0)).getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      builder.setPathPrefix(path);
    }
    return builder.build();
  }

  /** The connection this client was made for. */
  public SearchConnection connection() {
    return connection;
  }

  /** The server's product and version, asked once; a failed ask is asked again next time. */
  public CompletionStage<ServerInfo> serverInfo() {
    CompletableFuture<ServerInfo> known = serverInfo;
    if (known != null && !known.isCompletedExceptionally()) {
      return known;
    }
    synchronized (this) {
      if (serverInfo == null || serverInfo.isCompletedExceptionally()) {
        serverInfo = perform("GET", "/", null).thenCompose(result -> {
          if (result.ok()) {
            return CompletableFuture.completedFuture(ServerInfo.parse(json, result.body()));
          }
          if (result.status() == 401 && !connection.authenticated()) {
            throw new IllegalStateException("GET / on " + connection + " answered 401: set connection.username and "
                + "connection.password");
          }
          // A user without cluster-level rights, or a distribution without the root endpoint: ask the node instead.
          return perform("GET", "/_nodes/_local?filter_path=nodes.*.version,nodes.*.build_flavor", null)
              .thenApply(nodes -> {
                if (!nodes.ok()) {
                  throw new IllegalStateException("GET / on " + connection + " answered " + result.status() + " ("
                      + result.preview() + ") and GET /_nodes/_local " + nodes.status() + ": " + nodes.preview());
                }
                return ServerInfo.parseNodes(json, nodes.body());
              });
        }).toCompletableFuture();
      }
      return serverInfo;
    }
  }

  /** Sends one request; completes with its answer, or fails when no server answered. */
  public CompletionStage<HttpResult> perform(String method, String endpoint, HttpEntity body) {
    Request request = new Request(method, endpoint);
    if (body != null) {
      request.setEntity(body);
    }
    CompletableFuture<HttpResult> answer = new CompletableFuture<>();
    rest.performRequestAsync(request, new ResponseListener() {
      @Override
      public void onSuccess(Response response) {
        complete(answer, response);
      }

      @Override
      public void onFailure(Exception exception) {
        if (exception instanceof ResponseException failed) {
          complete(answer, failed.getResponse());
        } else {
          answer.completeExceptionally(new SearchUnreachableException(method + " " + endpoint + " on " + connection
              + " failed: " + exception, exception));
        }
      }
    });
    return answer;
  }

  /** Sends a JSON body. */
  public CompletionStage<HttpResult> performJson(String method, String endpoint, String jsonBody) {
    return perform(method, endpoint, jsonBody == null ? null
        : new ByteArrayEntity(jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
  }

  /** Sends a {@code _bulk} body. */
  public CompletionStage<HttpResult> bulk(byte[] ndjson) {
    return perform("POST", "/_bulk", new ByteArrayEntity(ndjson, NDJSON));
  }

  /** The JSON mapper this client parses answers with. */
  ObjectMapper json() {
    return json;
  }

  private static void complete(CompletableFuture<HttpResult> answer, Response response) {
    try {
      HttpEntity entity = response.getEntity();
      byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
      answer.complete(new HttpResult(response.getStatusLine().getStatusCode(), body));
    } catch (IOException e) {
      answer.completeExceptionally(new SearchUnreachableException("reading the answer failed: " + e, e));
    }
  }

  @Override
  public void close() {
    try {
      rest.close();
    } catch (IOException e) {
      // closing a pool of sockets; nothing more to do
    }
  }
}
