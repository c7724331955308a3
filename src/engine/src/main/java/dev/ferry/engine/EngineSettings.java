package dev.ferry.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * Every {@code ferry.*} setting the engine uses, read once from HOCON at start-up. Connector
 * packages read their own sections (the Kafka clients' {@code ferry.kafka}, the record model's
 * {@code ferry.connect}) from the node's config.
 *
 * <p>{@link #create(Config)} fails fast with the offending key's name, so a node with a bad
 * configuration never starts half-way.
 *
 * @param workerId          what this node reports as {@code worker_id} in status
 * @param askTimeout        how long service calls wait for an entity to answer
 * @param statusTimeout     how long a status query waits for one flow before showing it UNASSIGNED
 * @param defaultTarget     the node's Kafka cluster (Connect's worker {@code bootstrap.servers}):
 *                          where replicators write by default, what sinks read and sources write
 * @param flow              per-flow limits and checkpoint cadence
 * @param discoveryInterval how often connectors re-discover their flows
 * @param snapshotEvery     events between two snapshots of an entity
 */
public record EngineSettings(
    String workerId,
    Duration askTimeout,
    Duration statusTimeout,
    String defaultTarget,
    FlowSettings flow,
    Duration discoveryInterval,
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
          positiveDuration(ferry, "node.status-timeout"),
          ferry.getString("target.bootstrap-servers").trim(),
          FlowSettings.create(ferry),
          positiveDuration(ferry, "discovery.interval"),
          snapshotEvery);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("Invalid Ferry configuration: " + e.getMessage(), e);
    }
  }

  /** A positive int setting of the {@code ferry} section, or an error naming the key. */
  public static int positive(Config c, String key) {
    int value = c.getInt(key);
    if (value <= 0) {
      throw new IllegalArgumentException("ferry." + key + " must be > 0, was " + value);
    }
    return value;
  }

  /** A positive duration setting of the {@code ferry} section, or an error naming the key. */
  public static Duration positiveDuration(Config c, String key) {
    Duration value = c.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("ferry." + key + " must be a positive duration, was " + value);
    }
    return value;
  }
}
