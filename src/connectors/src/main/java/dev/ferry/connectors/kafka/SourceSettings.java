package dev.ferry.connectors.kafka;

import dev.ferry.connectors.connect.ConnectSettings;
import dev.ferry.connectors.connect.WorkerDefaults;
import dev.ferry.engine.spi.ConnectorContext;
import java.util.List;
import java.util.Map;

/**
 * What every source connector whose source is not Kafka shares: the Kafka cluster it writes to
 * (the node's cluster, Connect's worker {@code bootstrap.servers}, with the connector's
 * {@code producer.override.*} settings), how missing topics are created (Connect's KIP-158
 * {@code topic.creation.default.partitions} and {@code .replication.factor}; the broker's defaults
 * when unset) and its record model.
 *
 * @param cluster       the Kafka cluster and client overrides
 * @param topicDefaults partitions and replication factor of topics Ferry creates
 * @param connect       converters, transforms and error handling
 */
public record SourceSettings(ClusterClientKey cluster, SourceFlowGraph.TopicDefaults topicDefaults,
                             ConnectSettings connect) {

  static final String PRODUCER_OVERRIDE = "producer.override.";
  static final String PARTITIONS = "topic.creation.default.partitions";
  static final String REPLICATION_FACTOR = "topic.creation.default.replication.factor";

  /** Reads a source config; adds each problem to {@code errors}, naming its key. */
  public static SourceSettings parse(Map<String, String> config, ConnectorContext context, String fallbackConverter,
                                     List<String> errors) {
    ClusterClientKey cluster = ClientSettings.cluster(config, PRODUCER_OVERRIDE, ClientSettings.Role.PRODUCER,
        context.engine().defaultTarget(), "No Kafka cluster to write to: set the node's ferry.target.bootstrap-servers "
            + "(FERRY_TARGET_BOOTSTRAP_SERVERS) or the connector's producer.override.bootstrap.servers", errors);
    int partitions = (int) number(config, PARTITIONS, -1, errors);
    short factor = (short) number(config, REPLICATION_FACTOR, -1, errors);
    Map<String, String> merged = WorkerDefaults.of(context.nodeConfig()).under(config);
    return new SourceSettings(cluster,
        new SourceFlowGraph.TopicDefaults(partitions, factor, REPLICATION_FACTOR),
        ConnectSettings.parse(merged, fallbackConverter, errors));
  }

  private static long number(Map<String, String> config, String key, long fallback, List<String> errors) {
    String value = config.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.trim());
      if (n == 0 || n < -1 || n > Short.MAX_VALUE) {
        errors.add("Invalid value " + value + " for configuration " + key + ": must be -1 or a positive number");
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add("Invalid value " + value + " for configuration " + key + ": Not a number of type INT");
      return fallback;
    }
  }
}
