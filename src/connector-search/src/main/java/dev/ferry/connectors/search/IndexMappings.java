package dev.ferry.connectors.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * An index mapping from a record's value schema (when {@code schema.ignore=false}), as Confluent's
 * sink makes one for a new index: integers, floats and booleans as such, strings as {@code text}
 * with a {@code keyword} sub-field (what dynamic mapping would give), bytes as {@code binary},
 * {@code Timestamp}/{@code Date}/{@code Time} as {@code date}, decimals as {@code double}, structs as
 * objects with their fields; arrays take their element's mapping and maps are left dynamic.
 */
final class IndexMappings {

  private IndexMappings() {}

  /** The {@code properties} mapping of a struct schema, or null for any other schema. */
  static ObjectNode of(ObjectMapper json, Schema schema) {
    if (schema == null || schema.type() != Schema.Type.STRUCT) {
      return null;
    }
    ObjectNode mapping = json.createObjectNode();
    mapping.set("properties", properties(json, schema));
    return mapping;
  }

  private static ObjectNode properties(ObjectMapper json, Schema struct) {
    ObjectNode properties = json.createObjectNode();
    for (Field field : struct.fields()) {
      ObjectNode type = field(json, field.schema());
      if (type != null) {
        properties.set(field.name(), type);
      }
    }
    return properties;
  }

  private static ObjectNode field(ObjectMapper json, Schema schema) {
    if (schema.name() != null) {
      switch (schema.name()) {
        case Timestamp.LOGICAL_NAME, Date.LOGICAL_NAME -> {
          return typed(json, "date");
        }
        case Time.LOGICAL_NAME -> {
          return typed(json, "date").put("format", "HH:mm:ss.SSS");
        }
        case Decimal.LOGICAL_NAME -> {
          return typed(json, "double");
        }
        default -> { }
      }
    }
    return switch (schema.type()) {
      case INT8 -> typed(json, "byte");
      case INT16 -> typed(json, "short");
      case INT32 -> typed(json, "integer");
      case INT64 -> typed(json, "long");
      case FLOAT32 -> typed(json, "float");
      case FLOAT64 -> typed(json, "double");
      case BOOLEAN -> typed(json, "boolean");
      case BYTES -> typed(json, "binary");
      case STRING -> {
        ObjectNode text = typed(json, "text");
        text.putObject("fields").putObject("keyword").put("type", "keyword").put("ignore_above", 256);
        yield text;
      }
      case ARRAY -> field(json, schema.valueSchema());
      case STRUCT -> {
        ObjectNode object = json.createObjectNode();
        object.set("properties", properties(json, schema));
        yield object;
      }
      case MAP -> null;
    };
  }

  private static ObjectNode typed(ObjectMapper json, String type) {
    return json.createObjectNode().put("type", type);
  }
}
