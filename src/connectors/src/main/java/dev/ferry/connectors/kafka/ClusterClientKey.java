package dev.ferry.connectors.kafka;

import java.util.Map;
import java.util.TreeMap;

/**
 * Identifies one pooled Kafka client: a cluster's bootstrap servers plus the client settings a
 * connector overrides. Two connectors with the same address and overrides share one client.
 *
 * @param bootstrapServers comma-separated host:port list
 * @param overrides        kafka-clients settings that differ from the node defaults (sorted)
 */
public record ClusterClientKey(String bootstrapServers, Map<String, String> overrides) {

  /** Normalizes the bootstrap list and sorts the overrides so equal settings give equal keys. */
  public ClusterClientKey {
    bootstrapServers = normalizeBootstrap(bootstrapServers);
    overrides = Map.copyOf(new TreeMap<>(overrides));
  }

  /** A key with no overrides. */
  public static ClusterClientKey of(String bootstrapServers) {
    return new ClusterClientKey(bootstrapServers, Map.of());
  }

  /** Accepts {@code ,} and {@code ;} separators and stray spaces, as Connect users write them. */
  public static String normalizeBootstrap(String servers) {
    if (servers == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String part : servers.split("[,;]")) {
      String server = part.trim();
      if (!server.isEmpty()) {
        if (out.length() > 0) {
          out.append(',');
        }
        out.append(server);
      }
    }
    return out.toString();
  }
}
