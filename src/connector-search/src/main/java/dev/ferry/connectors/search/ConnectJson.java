package dev.ferry.connectors.search;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes Connect data (a {@link Struct} with its schema, or schemaless maps, lists and
 * primitives) as a JSON document straight into a Jackson generator, the way a search index reads it
 * best: decimals as numbers, {@code Timestamp} as epoch milliseconds, {@code Date} as
 * {@code yyyy-MM-dd}, {@code Time} as {@code HH:mm:ss.SSS}, bytes as base64, maps with string keys
 * as objects and other maps as {@code [key, value]} pairs (as Kafka's JsonConverter does).
 */
final class ConnectJson {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private ConnectJson() {}

  /** Writes {@code value} (described by {@code schema}, or schemaless when null). */
  static void write(JsonGenerator out, Schema schema, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
      return;
    }
    if (schema != null && schema.name() != null && writeLogical(out, schema.name(), value)) {
      return;
    }
    if (value instanceof Struct struct) {
      out.writeStartObject();
      writeFields(out, struct);
      out.writeEndObject();
    } else if (value instanceof Map<?, ?> map) {
      writeMap(out, schema, map);
    } else if (value instanceof Collection<?> list) {
      Schema element = schema == null ? null : schema.valueSchema();
      out.writeStartArray();
      for (Object item : list) {
        write(out, element, item);
      }
      out.writeEndArray();
    } else {
      writePrimitive(out, value);
    }
  }

  /** Writes a struct's fields (without the braces), so callers may add their own. */
  static void writeFields(JsonGenerator out, Struct struct) throws IOException {
    for (Field field : struct.schema().fields()) {
      out.writeFieldName(field.name());
      write(out, field.schema(), struct.get(field));
    }
  }

  /** Writes a string-keyed map's entries (without the braces). */
  static void writeEntries(JsonGenerator out, Schema schema, Map<?, ?> map) throws IOException {
    Schema valueSchema = schema == null ? null : schema.valueSchema();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.writeFieldName(String.valueOf(entry.getKey()));
      write(out, valueSchema, entry.getValue());
    }
  }

  private static void writeMap(JsonGenerator out, Schema schema, Map<?, ?> map) throws IOException {
    boolean stringKeys = schema != null ? schema.keySchema().type() == Schema.Type.STRING
        : map.keySet().stream().allMatch(k -> k instanceof String);
    if (stringKeys) {
      out.writeStartObject();
      writeEntries(out, schema, map);
      out.writeEndObject();
      return;
    }
    out.writeStartArray();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.writeStartArray();
      write(out, schema == null ? null : schema.keySchema(), entry.getKey());
      write(out, schema == null ? null : schema.valueSchema(), entry.getValue());
      out.writeEndArray();
    }
    out.writeEndArray();
  }

  private static boolean writeLogical(JsonGenerator out, String logical, Object value) throws IOException {
    switch (logical) {
      case Decimal.LOGICAL_NAME -> out.writeNumber((BigDecimal) value);
      case Timestamp.LOGICAL_NAME -> out.writeNumber(((java.util.Date) value).getTime());
      case Date.LOGICAL_NAME -> out.writeString(DATE.format(Instant.ofEpochMilli(((java.util.Date) value).getTime())));
      case Time.LOGICAL_NAME -> out.writeString(TIME.format(Instant.ofEpochMilli(((java.util.Date) value).getTime())));
      default -> {
        return false;
      }
    }
    return true;
  }

  private static void writePrimitive(JsonGenerator out, Object value) throws IOException {
    if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long l) {
      out.writeNumber(l);
    } else if (value instanceof Float f) {
      out.writeNumber(f);
    } else if (value instanceof Double d) {
      out.writeNumber(d);
    } else if (value instanceof BigDecimal d) {
      out.writeNumber(d);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof byte[] bytes) {
      out.writeBinary(bytes);
    } else if (value instanceof java.nio.ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      out.writeBinary(bytes);
    } else if (value instanceof java.util.Date date) {
      out.writeNumber(date.getTime());
    } else {
      throw new DataException("Cannot write a " + value.getClass().getName() + " as JSON");
    }
  }
}
