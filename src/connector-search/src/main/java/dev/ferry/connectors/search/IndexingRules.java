package dev.ferry.connectors.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How records become documents: Confluent's data conversion keys. The document id comes from the
 * key, or is {@code topic+partition+offset} under {@code key.ignore}; the index is the topic
 * (after transforms, lower-cased), renamed by {@code topic.index.map}, or a data stream named
 * {@code <type>-<dataset>-<namespace>}.
 *
 * @param keyIgnore          {@code key.ignore}
 * @param keyIgnoreTopics    {@code topic.key.ignore}: topics with {@code key.ignore=true}
 * @param schemaIgnore       {@code schema.ignore}
 * @param schemaIgnoreTopics {@code topic.schema.ignore}
 * @param topicIndexMap      {@code topic.index.map}: topic → index
 * @param writeMethod        {@code write.method}
 * @param onNullValues       {@code behavior.on.null.values}
 * @param onMalformed        {@code behavior.on.malformed.documents}
 * @param dropInvalid        {@code drop.invalid.message}
 * @param typeName           {@code type.name}, sent only to servers that still have mapping types (Elasticsearch 6 and older)
 * @param dataStream         data stream naming, or null to write indices
 */
public record IndexingRules(boolean keyIgnore, Set<String> keyIgnoreTopics, boolean schemaIgnore,
                            Set<String> schemaIgnoreTopics, Map<String, String> topicIndexMap, WriteMethod writeMethod,
                            NullValues onNullValues, MalformedDocuments onMalformed, boolean dropInvalid,
                            String typeName, DataStream dataStream) {

  /** {@code write.method}. */
  public enum WriteMethod { INSERT, UPSERT }

  /** {@code behavior.on.null.values}: what a tombstone (null value) does. */
  public enum NullValues { IGNORE, DELETE, FAIL }

  /** {@code behavior.on.malformed.documents}: what a document the server rejects does. */
  public enum MalformedDocuments { IGNORE, WARN, FAIL }

  /** {@code data.stream.type}. */
  public enum DataStreamType { NONE, LOGS, METRICS }

  /**
   * A data stream's name parts: {@code <type>-<dataset>-<namespace>}, the namespace with
   * {@code ${topic}} replaced by the record's topic.
   *
   * @param type            {@code data.stream.type}
   * @param dataset         {@code data.stream.dataset}
   * @param namespace       {@code data.stream.namespace}
   * @param timestampFields {@code data.stream.timestamp.field}: value fields copied to {@code @timestamp}
   *                        (first one present), else the record's timestamp
   */
  public record DataStream(DataStreamType type, String dataset, String namespace, List<String> timestampFields) {

    /** The data stream a topic's records go to. */
    public String nameFor(String topic) {
      return (type.name() + "-" + dataset + "-" + namespace.replace("${topic}", topic)).toLowerCase(Locale.ROOT);
    }
  }

  /** Whether document ids of {@code topic} are {@code topic+partition+offset}. */
  public boolean ignoresKey(String topic) {
    return keyIgnore || keyIgnoreTopics.contains(topic);
  }

  /** Whether the value schema of {@code topic} is ignored (no explicit mapping). */
  public boolean ignoresSchema(String topic) {
    return schemaIgnore || schemaIgnoreTopics.contains(topic);
  }

  /** Where a topic's documents go: its mapped index, its data stream, or the topic lower-cased. */
  public String indexFor(String topic) {
    if (dataStream != null) {
      return dataStream.nameFor(topic);
    }
    String mapped = topicIndexMap.get(topic);
    return (mapped != null ? mapped : topic).toLowerCase(Locale.ROOT);
  }
}
