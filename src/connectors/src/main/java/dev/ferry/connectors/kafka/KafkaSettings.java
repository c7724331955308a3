package dev.ferry.connectors.kafka;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import dev.ferry.engine.EngineSettings;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node's Kafka client settings, read once from {@code ferry.kafka} and
 * {@code ferry.discovery.admin-timeout}: the defaults of the pooled consumers, producers and admin
 * clients (connectors override them per cluster), and how long shared consumers poll.
 *
 * @param consumerDefaults kafka-clients settings of the shared consumers
 * @param producerDefaults kafka-clients settings of the pooled producers
 * @param adminDefaults    kafka-clients settings of the pooled admin clients
 * @param pollTimeout      longest a shared consumer's poll waits for data
 * @param adminTimeout     time limit of one admin call
 */
public record KafkaSettings(Map<String, String> consumerDefaults, Map<String, String> producerDefaults,
                            Map<String, String> adminDefaults, Duration pollTimeout, Duration adminTimeout) {

  /** Reads the node's config; throws {@link IllegalArgumentException} naming the bad key. */
  public static KafkaSettings create(Config config) {
    try {
      Config ferry = config.getConfig("ferry");
      return new KafkaSettings(
          flatStrings(ferry.getConfig("kafka.consumer")),
          flatStrings(ferry.getConfig("kafka.producer")),
          flatStrings(ferry.getConfig("kafka.admin")),
          EngineSettings.positiveDuration(ferry, "kafka.poll-timeout"),
          EngineSettings.positiveDuration(ferry, "discovery.admin-timeout"));
    } catch (ConfigException e) {
      throw new IllegalArgumentException("Invalid Ferry configuration: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> flatStrings(Config section) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : section.root().entrySet()) {
      out.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
    }
    return Map.copyOf(out);
  }
}
