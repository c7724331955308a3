package dev.ferry.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every {@code ferry.*} setting the engine uses, read once from HOCON at start-up.
 *
 * <p>{@link #create(Config)} fails fast with the offending key's name, so a node with a bad
 * configuration never starts half-way.
 *
 * @param workerId          what this node reports as {@code worker_id} in status
 * @param askTimeout        how long service calls wait for an entity to answer
 * @param defaultTarget     bootstrap servers connectors write to when their config names none
 * @param flow              per-flow limits and checkpoint cadence
 * @param discoveryInterval how often connectors re-list source topics
 * @param adminTimeout      time limit of one admin call
 * @param consumerDefaults  kafka-clients settings of the shared consumers
 * @param producerDefaults  kafka-clients settings of the pooled producers
 * @param adminDefaults     kafka-clients settings of the pooled admin clients
 * @param pollTimeout       longest a shared consumer's poll waits for data
 * @param snapshotEvery     events between two snapshots of an entity
 */
public record EngineSettings(
    String workerId,
    Duration askTimeout,
    String defaultTarget,
    FlowSettings flow,
    Duration discoveryInterval,
    Duration adminTimeout,
    Map<String, String> consumerDefaults,
    Map<String, String> producerDefaults,
    Map<String, String> adminDefaults,
    Duration pollTimeout,
    int snapshotEvery) {

  /** Reads the {@code ferry} section; throws {@link IllegalArgumentException} naming the bad key. */
  public static EngineSettings create(Config config) {
    try {
      Config ferry = config.getConfig("ferry");
      String workerId = ferry.getString("node.worker-id");
      if (workerId.isBlank()) {
        workerId = ferry.getString("node.rest-host") + ":" + ferry.getInt("node.rest-port");
      }
      int snapshotEvery = ferry.hasPath("persistence.snapshot-every")
          ? positive(ferry, "persistence.snapshot-every") : 200;
      return new EngineSettings(
          workerId,
          positiveDuration(ferry, "node.ask-timeout"),
          ferry.getString("target.bootstrap-servers").trim(),
          FlowSettings.create(ferry),
          positiveDuration(ferry, "discovery.interval"),
          positiveDuration(ferry, "discovery.admin-timeout"),
          flatStrings(ferry.getConfig("kafka.consumer")),
          flatStrings(ferry.getConfig("kafka.producer")),
          flatStrings(ferry.getConfig("kafka.admin")),
          positiveDuration(ferry, "kafka.poll-timeout"),
          snapshotEvery);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("Invalid Ferry configuration: " + e.getMessage(), e);
    }
  }

  /** Same settings with another default target cluster (set when the node starts local Kafka). */
  public EngineSettings withDefaultTarget(String bootstrapServers) {
    return new EngineSettings(workerId, askTimeout, bootstrapServers, flow, discoveryInterval,
        adminTimeout, consumerDefaults, producerDefaults, adminDefaults, pollTimeout, snapshotEvery);
  }

  static int positive(Config c, String key) {
    int value = c.getInt(key);
    if (value <= 0) {
      throw new IllegalArgumentException("ferry." + key + " must be > 0, was " + value);
    }
    return value;
  }

  static Duration positiveDuration(Config c, String key) {
    Duration value = c.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("ferry." + key + " must be a positive duration, was " + value);
    }
    return value;
  }

  private static Map<String, String> flatStrings(Config section) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : section.root().entrySet()) {
      out.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
    }
    return Map.copyOf(out);
  }
}
