package dev.ferry.node;

import com.typesafe.config.Config;
import java.nio.file.Path;

/**
 * The node-level settings ({@code ferry.node}, {@code ferry.local-kafka}) read once at start-up.
 *
 * @param restHost        REST API bind address
 * @param restPort        REST API port (8083 by default, 0 = any free port)
 * @param dataDir         absolute data directory (H2 journal, local brokers)
 * @param localKafka      whether this node starts local source and target clusters
 * @param sourcePort      local source broker port
 * @param targetPort      local target broker port
 * @param brokerHeap      heap of each local broker
 * @param join            how the node joins its cluster ({@code ferry.cluster.join})
 * @param management      whether Pekko Management HTTP (health, cluster admin) starts
 */
public record NodeSettings(
    String restHost,
    int restPort,
    Path dataDir,
    boolean localKafka,
    int sourcePort,
    int targetPort,
    String brokerHeap,
    ClusterJoin join,
    boolean management) {

  /** Reads the settings; fails naming the key on a bad value. */
  public static NodeSettings create(Config config) {
    String mode = config.getString("ferry.local-kafka.mode").trim().toLowerCase();
    boolean targetConfigured = !config.getString("ferry.target.bootstrap-servers").isBlank();
    boolean local = switch (mode) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      case "auto" -> !targetConfigured;
      default -> throw new IllegalArgumentException(
          "ferry.local-kafka.mode must be on, off or auto, was " + mode);
    };
    int restPort = config.getInt("ferry.node.rest-port");
    if (restPort < 0 || restPort > 65535) {
      throw new IllegalArgumentException("ferry.node.rest-port must be 0..65535, was " + restPort);
    }
    return new NodeSettings(
        config.getString("ferry.node.rest-host"),
        restPort,
        Path.of(config.getString("ferry.node.data-dir")),
        local,
        config.getInt("ferry.local-kafka.source-port"),
        config.getInt("ferry.local-kafka.target-port"),
        config.getString("ferry.local-kafka.broker-heap"),
        ClusterJoin.from(config),
        config.getBoolean("ferry.cluster.management"));
  }
}
