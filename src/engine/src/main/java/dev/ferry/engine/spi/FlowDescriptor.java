package dev.ferry.engine.spi;

import dev.ferry.engine.JsonSerializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * One flow a connector needs, as its type's discovery describes it: one ordered unit of source
 * data (a Kafka topic-partition, a table, a file, a partition folder of a backup).
 *
 * <p>The {@code key} is the flow's identity within its connector (unique, stable across
 * discoveries, free of control characters); it names the flow's entity and journal. The
 * {@code attributes} are what the type needs to run it and wants shown (source topic and
 * partition, target topic, table...): a flow whose attributes change is restarted with the new
 * ones; one whose attributes stay the same is never touched by a discovery.
 *
 * @param key        identity within the connector, e.g. {@code orders/3} or {@code table:customers}
 * @param attributes what the flow runs on, sorted by name
 */
public record FlowDescriptor(String key, Map<String, String> attributes) implements JsonSerializable {

  /** Sorts and copies the attributes so equal descriptors compare equal. */
  public FlowDescriptor {
    if (key == null || key.isEmpty() || key.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("A flow key must be non-empty and free of control characters: " + key);
    }
    attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
  }

  /** One attribute, or null. */
  public String attribute(String name) {
    return attributes.get(name);
  }
}
