package dev.ferry.connectors.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.connectors.search.Document.Action;
import dev.ferry.connectors.search.IndexingRules.NullValues;
import dev.ferry.connectors.search.IndexingRules.WriteMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns one record into a {@link Document} under the connector's {@link IndexingRules}, for one
 * server dialect: the id from the key (or {@code topic+partition+offset}), the offset as external
 * version when the key is the id (so a retry, a restart or an older record never overwrites a
 * newer one), tombstones by {@code behavior.on.null.values}, {@code @timestamp} for data streams.
 * Records that cannot become a document are {@link Outcome.Invalid}; ignored ones {@link Outcome.Skipped}.
 */
final class DocumentMaker {

  /** What became of a record. */
  sealed interface Outcome {
    /** A document to send. */
    record Made(Document document) implements Outcome {}

    /** Nothing to send, by the rules (an ignored tombstone). */
    record Skipped(String reason) implements Outcome {}

    /** The record cannot be indexed; {@code nullValue} marks {@code behavior.on.null.values=fail}. */
    record Invalid(DataException error, boolean nullValue) implements Outcome {}
  }

  private static final JsonFactory JSON = new JsonFactory();
  private static final byte NEWLINE = '\n';

  private final IndexingRules rules;
  private final ServerInfo server;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);

  DocumentMaker(IndexingRules rules, ServerInfo server) {
    this.rules = rules;
    this.server = server;
  }

  Outcome make(SinkRecord record) {
    String topic = record.topic();
    String index = rules.indexFor(topic);
    boolean keyIsId = !rules.ignoresKey(topic);
    if (record.value() == null) {
      return tombstone(record, index, keyIsId);
    }
    String id;
    try {
      id = keyIsId ? idFromKey(record) : offsetId(record);
    } catch (DataException e) {
      return new Outcome.Invalid(e, false);
    }
    Action action = rules.dataStream() != null ? Action.CREATE
        : rules.writeMethod() == WriteMethod.UPSERT ? Action.UPSERT : Action.INDEX;
    try {
      return new Outcome.Made(new Document(record, action, index, id,
          encode(record, action, index, id, keyIsId && action == Action.INDEX)));
    } catch (DataException e) {
      return new Outcome.Invalid(e, false);
    } catch (RuntimeException e) {
      return new Outcome.Invalid(new DataException("Cannot write the value of " + where(record) + " as JSON: " + e, e),
          false);
    }
  }

  private Outcome tombstone(SinkRecord record, String index, boolean keyIsId) {
    NullValues behavior = rules.onNullValues();
    if (behavior == NullValues.IGNORE) {
      return new Outcome.Skipped("null value ignored (behavior.on.null.values=ignore)");
    }
    if (behavior == NullValues.FAIL) {
      return new Outcome.Invalid(new DataException(where(record) + " has a null value and behavior.on.null.values=fail; "
          + "set it to ignore or delete to accept tombstones"), true);
    }
    if (!keyIsId || record.key() == null) {
      return new Outcome.Skipped("null value with no key to delete by (behavior.on.null.values=delete)");
    }
    try {
      String id = idFromKey(record);
      return new Outcome.Made(new Document(record, Action.DELETE, index, id,
          encode(record, Action.DELETE, index, id, true)));
    } catch (DataException e) {
      return new Outcome.Invalid(e, false);
    }
  }

  private static String offsetId(SinkRecord record) {
    return record.topic() + "+" + record.kafkaPartition() + "+" + record.kafkaOffset();
  }

  private static String idFromKey(SinkRecord record) {
    Object key = record.key();
    if (key == null) {
      throw new DataException(where(record) + ": the key is used as document id and can not be null; set key.ignore=true "
          + "for topic+partition+offset ids");
    }
    if (key instanceof String || key instanceof Long || key instanceof Integer || key instanceof Short
        || key instanceof Byte) {
      return key.toString();
    }
    throw new DataException(where(record) + ": the key is used as document id and must be a string or an integer, not "
        + (key instanceof Struct ? "a struct" : key instanceof Map ? "a map" : "a " + key.getClass().getSimpleName())
        + "; set key.ignore=true, or pick a field with ExtractField$Key");
  }

  private byte[] encode(SinkRecord record, Action action, String index, String id, boolean externalVersion) {
    buffer.reset();
    try (JsonGenerator out = JSON.createGenerator(buffer)) {
      out.setRootValueSeparator(null); // NDJSON: the lines are separated by newlines only
      out.writeStartObject();
      out.writeObjectFieldStart(action.bulkName());
      out.writeStringField("_index", index);
      if (server.hasMappingTypes()) {
        out.writeStringField("_type", rules.typeName().isEmpty() ? "_doc" : rules.typeName());
      }
      out.writeStringField("_id", id);
      if (externalVersion) {
        out.writeNumberField("version", record.kafkaOffset());
        out.writeStringField("version_type", "external");
      }
      if (action == Action.UPSERT) {
        out.writeNumberField("retry_on_conflict", 3);
      }
      out.writeEndObject();
      out.writeEndObject();
      out.flush();
      buffer.write(NEWLINE);
      if (action != Action.DELETE) {
        if (action == Action.UPSERT) {
          out.writeStartObject();
          out.writeFieldName("doc");
          writeSource(out, record);
          out.writeBooleanField("doc_as_upsert", true);
          out.writeEndObject();
        } else {
          writeSource(out, record);
        }
        out.flush();
        buffer.write(NEWLINE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private void writeSource(JsonGenerator out, SinkRecord record) throws IOException {
    Schema schema = rules.ignoresSchema(record.topic()) && !(record.value() instanceof Struct) ? null : record.valueSchema();
    if (rules.dataStream() == null) {
      ConnectJson.write(out, schema, record.value());
      return;
    }
    out.writeStartObject();
    if (record.value() instanceof Struct struct) {
      ConnectJson.writeFields(out, struct);
    } else if (record.value() instanceof Map<?, ?> map) {
      ConnectJson.writeEntries(out, schema, map);
    } else {
      throw new DataException(where(record) + ": a data stream document must be an object, not a "
          + record.value().getClass().getSimpleName());
    }
    if (!hasTimestampField(record.value())) {
      out.writeFieldName("@timestamp");
      TimestampField chosen = chosenTimestamp(record.value());
      if (chosen != null) {
        ConnectJson.write(out, chosen.schema(), chosen.value());
      } else if (record.timestamp() != null) {
        out.writeNumber(record.timestamp());
      } else {
        throw new DataException(where(record) + ": no timestamp for @timestamp (record has none, and no field of "
            + "data.stream.timestamp.field " + rules.dataStream().timestampFields() + ")");
      }
    }
    out.writeEndObject();
  }

  /** The value field a data stream document's {@code @timestamp} is copied from. */
  private record TimestampField(Schema schema, Object value) {}

  private static boolean hasTimestampField(Object value) {
    return value instanceof Struct struct ? struct.schema().field("@timestamp") != null
        : ((Map<?, ?>) value).containsKey("@timestamp");
  }

  private TimestampField chosenTimestamp(Object value) {
    for (String name : rules.dataStream().timestampFields()) {
      if (value instanceof Struct struct) {
        org.apache.kafka.connect.data.Field field = struct.schema().field(name);
        if (field != null && struct.get(field) != null) {
          return new TimestampField(field.schema(), struct.get(field));
        }
      } else if (((Map<?, ?>) value).get(name) != null) {
        return new TimestampField(null, ((Map<?, ?>) value).get(name));
      }
    }
    return null;
  }

  static String where(SinkRecord record) {
    return "Record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
  }
}
