package dev.ferry.connectors.connect;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node's Kafka Connect worker properties that connectors inherit, from
 * {@code ferry.connect.worker} (a map of Connect's worker keys: {@code key.converter},
 * {@code value.converter}, {@code header.converter} and their {@code .}-prefixed settings, as in
 * {@code connect-distributed.properties}); standalone mode fills it from the worker file. A
 * connector's own keys win over these.
 *
 * @param properties the worker keys, flat
 */
public record WorkerDefaults(Map<String, String> properties) {

  /** Reads {@code ferry.connect.worker} (empty when absent). */
  public static WorkerDefaults of(Config nodeConfig) {
    Map<String, String> out = new TreeMap<>();
    if (nodeConfig.hasPath("ferry.connect.worker")) {
      for (Map.Entry<String, ConfigValue> e : nodeConfig.getConfig("ferry.connect.worker").entrySet()) {
        out.put(unquote(e.getKey()), String.valueOf(e.getValue().unwrapped()));
      }
    }
    return new WorkerDefaults(Map.copyOf(out));
  }

  /** The connector's config laid over the worker's defaults. */
  public Map<String, String> under(Map<String, String> connectorConfig) {
    Map<String, String> merged = new TreeMap<>(properties);
    merged.putAll(connectorConfig);
    return merged;
  }

  private static String unquote(String path) {
    return path.replace("\"", "");
  }
}
