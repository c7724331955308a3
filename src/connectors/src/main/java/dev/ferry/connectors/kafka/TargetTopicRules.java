package dev.ferry.connectors.kafka;

/**
 * How discovery prepares target topics.
 *
 * @param create               create missing target topics and add missing partitions
 * @param replicationFactor    replication factor of created topics; -1 for the broker's default
 * @param replicationFactorKey the config key the factor comes from, named in errors
 */
public record TargetTopicRules(boolean create, short replicationFactor, String replicationFactorKey) {

  /** Create (or not) with the broker's default replication factor. */
  public static TargetTopicRules brokerDefault(boolean create) {
    return new TargetTopicRules(create, (short) -1, "default.replication.factor");
  }
}
