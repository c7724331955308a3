package dev.ferry.connectors.search;

import static dev.ferry.engine.spi.ConfigKeyDefinition.optional;
import static dev.ferry.engine.spi.ConfigKeyDefinition.required;

import dev.ferry.engine.spi.ConfigKeyDefinition;
import java.util.List;

/**
 * The search sink's keys, named and defaulted as Confluent's Elasticsearch sink names them, as
 * {@code GET /connector-plugins/ElasticsearchSinkConnector/config} lists them. The sink keys every
 * connector shares ({@code topics}, converters, transforms, {@code errors.*}) are the sink base's.
 * The checks live in {@link SearchSinkConfig}.
 */
final class SearchConfigKeys {

  static final String CONNECTION_URL = "connection.url";
  static final String CONNECTION_USERNAME = "connection.username";
  static final String CONNECTION_PASSWORD = "connection.password";
  static final String BATCH_SIZE = "batch.size";
  static final String LINGER_MS = "linger.ms";
  static final String MAX_IN_FLIGHT_REQUESTS = "max.in.flight.requests";
  static final String MAX_BUFFERED_RECORDS = "max.buffered.records";
  static final String FLUSH_TIMEOUT_MS = "flush.timeout.ms";
  static final String FLUSH_SYNCHRONOUSLY = "flush.synchronously";
  static final String MAX_RETRIES = "max.retries";
  static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
  static final String CONNECTION_TIMEOUT_MS = "connection.timeout.ms";
  static final String READ_TIMEOUT_MS = "read.timeout.ms";
  static final String MAX_CONNECTION_IDLE_TIME_MS = "max.connection.idle.time.ms";
  static final String TYPE_NAME = "type.name";
  static final String KEY_IGNORE = "key.ignore";
  static final String TOPIC_KEY_IGNORE = "topic.key.ignore";
  static final String SCHEMA_IGNORE = "schema.ignore";
  static final String TOPIC_SCHEMA_IGNORE = "topic.schema.ignore";
  static final String COMPACT_MAP_ENTRIES = "compact.map.entries";
  static final String TOPIC_INDEX_MAP = "topic.index.map";
  static final String DROP_INVALID_MESSAGE = "drop.invalid.message";
  static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";
  static final String BEHAVIOR_ON_MALFORMED_DOCS = "behavior.on.malformed.documents";
  static final String WRITE_METHOD = "write.method";
  static final String AUTO_CREATE_INDICES_AT_START = "auto.create.indices.at.start";
  static final String DATA_STREAM_TYPE = "data.stream.type";
  static final String DATA_STREAM_DATASET = "data.stream.dataset";
  static final String DATA_STREAM_NAMESPACE = "data.stream.namespace";
  static final String DATA_STREAM_TIMESTAMP_FIELD = "data.stream.timestamp.field";
  static final String SECURITY_PROTOCOL = "elastic.security.protocol";
  static final String SSL_PREFIX = "elastic.https.";
  static final String SSL_KEYSTORE_LOCATION = "elastic.https.ssl.keystore.location";
  static final String SSL_KEYSTORE_PASSWORD = "elastic.https.ssl.keystore.password";
  static final String SSL_KEYSTORE_TYPE = "elastic.https.ssl.keystore.type";
  static final String SSL_KEY_PASSWORD = "elastic.https.ssl.key.password";
  static final String SSL_TRUSTSTORE_LOCATION = "elastic.https.ssl.truststore.location";
  static final String SSL_TRUSTSTORE_PASSWORD = "elastic.https.ssl.truststore.password";
  static final String SSL_TRUSTSTORE_TYPE = "elastic.https.ssl.truststore.type";
  static final String SSL_PROTOCOL = "elastic.https.ssl.protocol";
  static final String SSL_ENDPOINT_IDENTIFICATION = "elastic.https.ssl.endpoint.identification.algorithm";
  static final String PROXY_HOST = "proxy.host";
  static final String PROXY_PORT = "proxy.port";
  static final String PROXY_USERNAME = "proxy.username";
  static final String PROXY_PASSWORD = "proxy.password";

  private static final String CONNECTOR = "Connector";
  private static final String CONVERSION = "Data Conversion";
  private static final String DATA_STREAM = "Data Stream";
  private static final String SECURITY = "Security";
  private static final String PROXY = "Proxy";
  private static final String COMPATIBILITY = "Compatibility";

  /** Every key, in display order. */
  static final List<ConfigKeyDefinition> ALL = List.of(
      required(CONNECTION_URL, "LIST", "HIGH", "Search cluster URLs, e.g. http://eshost1:9200,http://eshost2:9200 "
          + "(Elasticsearch 7/8/9 or OpenSearch 1/2/3; the server's version is read once with GET /).", CONNECTOR, 1),
      optional(CONNECTION_USERNAME, "STRING", null, "MEDIUM",
          "User for HTTP basic authentication; used only when the password is set too.", CONNECTOR, 2),
      optional(CONNECTION_PASSWORD, "PASSWORD", null, "MEDIUM",
          "Password for HTTP basic authentication; used only when the user is set too.", CONNECTOR, 3),
      optional(BATCH_SIZE, "INT", "2000", "MEDIUM", "Documents per _bulk request, at most.", CONNECTOR, 4),
      optional(MAX_IN_FLIGHT_REQUESTS, "INT", "5", "MEDIUM",
          "Bulk requests a flow (one Kafka partition) has in flight before it waits.", CONNECTOR, 5),
      optional(MAX_BUFFERED_RECORDS, "INT", "20000", "LOW",
          "Documents a flow holds (batching and in flight) before it stops reading: bounds its memory.", CONNECTOR, 6),
      optional(LINGER_MS, "LONG", "1", "LOW",
          "How long a batch that is not full waits for more documents before it is sent.", CONNECTOR, 7),
      optional(FLUSH_TIMEOUT_MS, "LONG", "180000", "LOW", "How long a stopping flow waits for its bulk requests, "
          + "and a flow waits for buffer space before it fails.", CONNECTOR, 8),
      optional(MAX_RETRIES, "INT", "5", "LOW", "Retries of a bulk request that failed (server unreachable, 429, 5xx) "
          + "or of its rejected-for-now documents; then the flow fails and restarts with the engine's backoff.",
          CONNECTOR, 9),
      optional(RETRY_BACKOFF_MS, "LONG", "100", "LOW",
          "Wait before the first retry; doubled for each further retry.", CONNECTOR, 10),
      optional(CONNECTION_TIMEOUT_MS, "INT", "1000", "LOW", "How long to wait for a connection.", CONNECTOR, 11),
      optional(READ_TIMEOUT_MS, "INT", "30000", "LOW", "How long to wait for a response (Confluent: 3000; a bulk "
          + "that times out is retried while the server still works on it, so Ferry waits longer).", CONNECTOR, 12),
      optional(MAX_CONNECTION_IDLE_TIME_MS, "INT", "60000", "LOW",
          "Pooled connections idle longer than this are closed.", CONNECTOR, 13),
      optional(FLUSH_SYNCHRONOUSLY, "BOOLEAN", "false", "LOW", "Accepted; Ferry never blocks on a flush: a flow's "
          + "position advances to what bulk requests made durable.", CONNECTOR, 14),
      optional(TYPE_NAME, "STRING", "", "LOW", "Mapping type, sent only to Elasticsearch 6 and older; "
          + "Elasticsearch 7+ and OpenSearch have no types, so it is accepted and ignored there.", CONVERSION, 1),
      optional(KEY_IGNORE, "BOOLEAN", "false", "HIGH", "true: document ids are topic+partition+offset; false: the "
          + "record key (a string or number) is the id and the offset its external version.", CONVERSION, 2),
      optional(TOPIC_KEY_IGNORE, "LIST", "", "LOW", "Topics whose documents ignore the key.", CONVERSION, 3),
      optional(SCHEMA_IGNORE, "BOOLEAN", "false", "LOW", "true: the server maps fields dynamically; false: a new index "
          + "gets a mapping from the record's value schema.", CONVERSION, 4),
      optional(TOPIC_SCHEMA_IGNORE, "LIST", "", "LOW", "Topics whose value schema is ignored.", CONVERSION, 5),
      optional(COMPACT_MAP_ENTRIES, "BOOLEAN", "true", "LOW",
          "Maps with string keys are written as JSON objects (only true is supported).", CONVERSION, 6),
      optional(TOPIC_INDEX_MAP, "LIST", "", "LOW", "topic:index pairs (as Confluent's sink before 11.0); "
          + "RegexRouter is the modern way to rename.", CONVERSION, 7),
      optional(WRITE_METHOD, "STRING", "insert", "LOW", "insert: index whole documents; upsert: update documents "
          + "by id, creating missing ones.", CONVERSION, 8),
      optional(BEHAVIOR_ON_NULL_VALUES, "STRING", "fail", "LOW",
          "Records with a null value (tombstones): ignore, delete (the document with the key's id) or fail.",
          CONVERSION, 9),
      optional(BEHAVIOR_ON_MALFORMED_DOCS, "STRING", "fail", "LOW", "Documents the server rejects (mapping conflict, "
          + "bad field): ignore, warn (log and skip) or fail (report as an errant record: errors.tolerance=none fails "
          + "the flow, all sends it to the dead letter queue).", CONVERSION, 10),
      optional(DROP_INVALID_MESSAGE, "BOOLEAN", "false", "LOW",
          "Drop records that cannot become a document (no usable key) instead of failing.", CONVERSION, 11),
      optional(DATA_STREAM_TYPE, "STRING", "none", "LOW",
          "logs or metrics: write to the data stream <type>-<dataset>-<namespace>; none: indices.", DATA_STREAM, 1),
      optional(DATA_STREAM_DATASET, "STRING", "", "LOW", "The data stream's dataset (no '-').", DATA_STREAM, 2),
      optional(DATA_STREAM_NAMESPACE, "STRING", "${topic}", "LOW",
          "The data stream's namespace; ${topic} is the record's topic.", DATA_STREAM, 3),
      optional(DATA_STREAM_TIMESTAMP_FIELD, "LIST", "", "LOW",
          "Value fields copied to @timestamp (the first present); empty: the record's timestamp.", DATA_STREAM, 4),
      optional(SECURITY_PROTOCOL, "STRING", "PLAINTEXT", "MEDIUM",
          "SSL: TLS with the elastic.https.ssl.* settings (https:// URLs turn TLS on as well).", SECURITY, 1),
      optional(SSL_TRUSTSTORE_LOCATION, "STRING", null, "MEDIUM",
          "Trust store with the server's CA; empty: the JVM's default CAs.", SECURITY, 2),
      optional(SSL_TRUSTSTORE_PASSWORD, "PASSWORD", null, "MEDIUM", "Trust store password.", SECURITY, 3),
      optional(SSL_TRUSTSTORE_TYPE, "STRING", "JKS", "LOW", "Trust store type (JKS, PKCS12).", SECURITY, 4),
      optional(SSL_KEYSTORE_LOCATION, "STRING", null, "MEDIUM", "Key store with a client certificate.", SECURITY, 5),
      optional(SSL_KEYSTORE_PASSWORD, "PASSWORD", null, "MEDIUM", "Key store password.", SECURITY, 6),
      optional(SSL_KEYSTORE_TYPE, "STRING", "JKS", "LOW", "Key store type (JKS, PKCS12).", SECURITY, 7),
      optional(SSL_KEY_PASSWORD, "PASSWORD", null, "MEDIUM", "The client key's password.", SECURITY, 8),
      optional(SSL_PROTOCOL, "STRING", "TLSv1.3", "LOW", "SSLContext protocol.", SECURITY, 9),
      optional(SSL_ENDPOINT_IDENTIFICATION, "STRING", "https", "LOW",
          "https: the certificate must name the host; empty: not checked.", SECURITY, 10),
      optional(PROXY_HOST, "STRING", "", "LOW", "HTTP proxy host; empty: no proxy.", PROXY, 1),
      optional(PROXY_PORT, "INT", "8080", "LOW", "HTTP proxy port.", PROXY, 2),
      optional(PROXY_USERNAME, "STRING", null, "LOW", "HTTP proxy user.", PROXY, 3),
      optional(PROXY_PASSWORD, "PASSWORD", null, "LOW", "HTTP proxy password.", PROXY, 4),
      optional(AUTO_CREATE_INDICES_AT_START, "BOOLEAN", "true", "LOW",
          "Accepted; Ferry creates each index (with its mapping) before its first document.", COMPATIBILITY, 1),
      optional("tasks.max", "INT", "1", "LOW",
          "Accepted for compatibility: Ferry runs one flow (task) per topic-partition.", COMPATIBILITY, 2));

  private SearchConfigKeys() {}
}
