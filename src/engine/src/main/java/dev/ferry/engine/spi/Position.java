package dev.ferry.engine.spi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.ferry.engine.JsonSerializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a flow has come in its source, as Kafka Connect's source offsets are: a map the flow's
 * connector type fills and reads ({@code {"kafka_offset":42}} for a Kafka topic-partition,
 * {@code {"position":1024}} for a file, {@code {"incrementing":7,"timestamp":..}} for a table).
 * The engine never looks inside: it persists the map as it is after the target made the data
 * durable, and hands it back to the type's graph on every (re)start, on whatever node.
 *
 * <p>Values are JSON scalars (strings, numbers, booleans), lists or maps of them, so a position
 * survives the journal's JSON unchanged. Numbers read back as {@code Integer} or {@code Long}
 * depending on their size: read them with {@link #getLong}.
 *
 * @param offset the type's offset map (immutable)
 */
public record Position(Map<String, Object> offset) implements JsonSerializable {

  /** Copies the map so a position never changes. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Position {
    offset = Collections.unmodifiableMap(new LinkedHashMap<>(offset));
  }

  /** A position of one key. */
  public static Position of(String key, Object value) {
    return new Position(Map.of(key, value));
  }

  /** The map, as Connect's {@code sourceOffset}. */
  @JsonValue
  @Override
  public Map<String, Object> offset() {
    return offset;
  }

  /** A numeric value, or {@code fallback} when absent. */
  public long getLong(String key, long fallback) {
    Object value = offset.get(key);
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException notNumeric) {
        return fallback;
      }
    }
    return fallback;
  }
}
