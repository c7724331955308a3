package dev.ferry.connectors.search;

import static dev.ferry.connectors.search.SearchConfigKeys.*;

import dev.ferry.connectors.search.IndexingRules.DataStream;
import dev.ferry.connectors.search.IndexingRules.DataStreamType;
import dev.ferry.connectors.search.IndexingRules.MalformedDocuments;
import dev.ferry.connectors.search.IndexingRules.NullValues;
import dev.ferry.connectors.search.IndexingRules.WriteMethod;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The typed form of a search sink's own keys (Confluent's Elasticsearch sink keys), checked all at
 * once: each problem is added to the shared error list naming its key, and keys Ferry accepts but
 * does not need ({@code type.name} on typeless servers, {@code flush.synchronously}) add warnings.
 *
 * @param connection where the cluster is and how to reach it
 * @param rules      how records become documents
 * @param bulk       batching, buffering and retries
 */
public record SearchSinkConfig(SearchConnection connection, IndexingRules rules, BulkSettings bulk) {

  private enum SecurityProtocol { PLAINTEXT, SSL }

  /** Reads the search keys of {@code config}; problems go to {@code errors}, notes to {@code warnings}. */
  public static SearchSinkConfig parse(Map<String, String> config, List<String> errors, List<String> warnings) {
    ConfigReader read = new ConfigReader(config, errors);
    return new SearchSinkConfig(connection(read, errors), rules(read, errors, warnings), bulk(read, errors, warnings));
  }

  private static SearchConnection connection(ConfigReader read, List<String> errors) {
    List<String> urls = new ArrayList<>();
    for (String url : read.list(CONNECTION_URL)) {
      String problem = urlProblem(url);
      if (problem != null) {
        errors.add("Invalid value " + url + " for configuration " + CONNECTION_URL + ": " + problem);
      } else {
        urls.add(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      }
    }
    if (!read.has(CONNECTION_URL)) {
      errors.add("Missing required configuration \"" + CONNECTION_URL + "\" which has no default value.");
    }
    String username = read.string(CONNECTION_USERNAME, null);
    String password = read.string(CONNECTION_PASSWORD, null);
    if ((username == null) != (password == null)) {
      errors.add("Both " + CONNECTION_USERNAME + " and " + CONNECTION_PASSWORD + " must be set for basic authentication, "
          + "but only " + (username == null ? CONNECTION_PASSWORD : CONNECTION_USERNAME) + " is");
    }
    SecurityProtocol protocol = read.choice(SECURITY_PROTOCOL, SecurityProtocol.PLAINTEXT, SecurityProtocol.class);
    boolean https = urls.stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).startsWith("https://"));
    if (protocol == SecurityProtocol.SSL && urls.stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).startsWith("http://"))) {
      errors.add("Invalid value SSL for configuration " + SECURITY_PROTOCOL + ": " + CONNECTION_URL
          + " has http:// URLs; use https:// with TLS");
    }
    TlsSettings tls = protocol == SecurityProtocol.SSL || https ? tls(read) : null;
    SearchConnection.Proxy proxy = null;
    if (read.has(PROXY_HOST)) {
      proxy = new SearchConnection.Proxy(read.string(PROXY_HOST, ""), read.integer(PROXY_PORT, 8080, 1),
          read.string(PROXY_USERNAME, null), read.string(PROXY_PASSWORD, null));
    }
    return new SearchConnection(List.copyOf(urls), username, password, read.integer(CONNECTION_TIMEOUT_MS, 1000, 0),
        read.integer(READ_TIMEOUT_MS, 30_000, 0), read.integer(MAX_CONNECTION_IDLE_TIME_MS, 60_000, 0), tls, proxy);
  }

  private static String urlProblem(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return "must start with http:// or https://";
      }
      if (uri.getHost() == null) {
        return "has no host";
      }
      return null;
    } catch (URISyntaxException e) {
      return "not a URL (" + e.getReason() + ")";
    }
  }

  private static TlsSettings tls(ConfigReader read) {
    return new TlsSettings(read.string(SSL_KEYSTORE_LOCATION, null), read.string(SSL_KEYSTORE_PASSWORD, null),
        read.string(SSL_KEYSTORE_TYPE, "JKS"), read.string(SSL_KEY_PASSWORD, null),
        read.string(SSL_TRUSTSTORE_LOCATION, null), read.string(SSL_TRUSTSTORE_PASSWORD, null),
        read.string(SSL_TRUSTSTORE_TYPE, "JKS"), read.string(SSL_PROTOCOL, "TLSv1.3"),
        !read.isSetBlank(SSL_ENDPOINT_IDENTIFICATION));
  }

  private static IndexingRules rules(ConfigReader read, List<String> errors, List<String> warnings) {
    Map<String, String> indexMap = new LinkedHashMap<>();
    for (String pair : read.list(TOPIC_INDEX_MAP)) {
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        errors.add("Invalid value " + pair + " for configuration " + TOPIC_INDEX_MAP + ": expected topic:index pairs");
      } else {
        indexMap.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
      }
    }
    String typeName = read.string(TYPE_NAME, "");
    if (!typeName.isEmpty()) {
      warnings.add(TYPE_NAME + "=" + typeName + " is accepted but only sent to Elasticsearch 6 and older: "
          + "Elasticsearch 7+ and OpenSearch have no mapping types");
    }
    if (!read.bool(COMPACT_MAP_ENTRIES, true)) {
      errors.add("Invalid value false for configuration " + COMPACT_MAP_ENTRIES
          + ": Ferry writes maps with string keys as JSON objects only (true)");
    }
    WriteMethod writeMethod = read.choice(WRITE_METHOD, WriteMethod.INSERT, WriteMethod.class);
    NullValues onNull = read.choice(BEHAVIOR_ON_NULL_VALUES, NullValues.FAIL, NullValues.class);
    DataStream dataStream = dataStream(read, errors);
    if (dataStream != null) {
      if (writeMethod == WriteMethod.UPSERT) {
        errors.add("Invalid value upsert for configuration " + WRITE_METHOD + ": data streams are append-only ("
            + DATA_STREAM_TYPE + "=" + dataStream.type().name().toLowerCase(Locale.ROOT) + ")");
      }
      if (onNull == NullValues.DELETE) {
        errors.add("Invalid value delete for configuration " + BEHAVIOR_ON_NULL_VALUES
            + ": data streams are append-only, documents cannot be deleted by key");
      }
      if (!indexMap.isEmpty()) {
        errors.add(TOPIC_INDEX_MAP + " cannot be used with " + DATA_STREAM_TYPE + ": the data stream name is "
            + "<type>-<dataset>-<namespace>");
      }
    }
    return new IndexingRules(read.bool(KEY_IGNORE, false), Set.copyOf(read.list(TOPIC_KEY_IGNORE)),
        read.bool(SCHEMA_IGNORE, false), Set.copyOf(read.list(TOPIC_SCHEMA_IGNORE)), Map.copyOf(indexMap),
        writeMethod, onNull, read.choice(BEHAVIOR_ON_MALFORMED_DOCS, MalformedDocuments.FAIL, MalformedDocuments.class),
        read.bool(DROP_INVALID_MESSAGE, false), typeName, dataStream);
  }

  private static DataStream dataStream(ConfigReader read, List<String> errors) {
    DataStreamType type = read.choice(DATA_STREAM_TYPE, DataStreamType.NONE, DataStreamType.class);
    String dataset = read.string(DATA_STREAM_DATASET, "");
    if (type == DataStreamType.NONE) {
      if (!dataset.isEmpty()) {
        errors.add(DATA_STREAM_DATASET + " is set but " + DATA_STREAM_TYPE + " is not: set both (logs or metrics) "
            + "to write to data streams");
      }
      return null;
    }
    if (dataset.isEmpty()) {
      errors.add("Missing configuration " + DATA_STREAM_DATASET + ": " + DATA_STREAM_TYPE + "="
          + type.name().toLowerCase(Locale.ROOT) + " needs a dataset");
    } else if (!dataset.matches("[a-z0-9_.]{1,100}")) {
      errors.add("Invalid value " + dataset + " for configuration " + DATA_STREAM_DATASET
          + ": lower-case letters, digits, '_' and '.' only (no '-'), at most 100");
    }
    return new DataStream(type, dataset, read.string(DATA_STREAM_NAMESPACE, "${topic}"),
        read.list(DATA_STREAM_TIMESTAMP_FIELD));
  }

  private static BulkSettings bulk(ConfigReader read, List<String> errors, List<String> warnings) {
    BulkSettings bulk = new BulkSettings(read.integer(BATCH_SIZE, 2000, 1), read.number(LINGER_MS, 1, 0),
        read.integer(MAX_IN_FLIGHT_REQUESTS, 5, 1), read.integer(MAX_BUFFERED_RECORDS, 20_000, 1),
        read.number(FLUSH_TIMEOUT_MS, 180_000, 1), read.integer(MAX_RETRIES, 5, 0),
        read.number(RETRY_BACKOFF_MS, 100, 0));
    if (bulk.batchSize() > bulk.maxBufferedRecords()) {
      errors.add("Invalid value " + bulk.batchSize() + " for configuration " + BATCH_SIZE + ": must not exceed "
          + MAX_BUFFERED_RECORDS + " (" + bulk.maxBufferedRecords() + ")");
    }
    if (read.bool(FLUSH_SYNCHRONOUSLY, false)) {
      warnings.add(FLUSH_SYNCHRONOUSLY + "=true is accepted and has no effect: Ferry never blocks a flow on a flush");
    }
    read.bool(AUTO_CREATE_INDICES_AT_START, true);
    return bulk;
  }
}
