package dev.ferry.it;

import java.util.HashMap;
import java.util.Map;

/** Replicator connector configs in the shape of seed 000's curl command. */
final class Replicator {

  private Replicator() {}

  /** Replicates the listed topics (comma-separated) with a rename format. */
  static Map<String, String> whitelist(String sourceBootstrap, String topics, String renameFormat) {
    Map<String, String> config = base(sourceBootstrap, renameFormat);
    config.put("topic.whitelist", topics);
    return config;
  }

  /** Replicates every topic matching a regex. */
  static Map<String, String> regex(String sourceBootstrap, String regex, String renameFormat) {
    Map<String, String> config = base(sourceBootstrap, renameFormat);
    config.put("topic.regex", regex);
    return config;
  }

  private static Map<String, String> base(String sourceBootstrap, String renameFormat) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", "EMRReplicatorSourceConnector");
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("src.kafka.bootstrap.servers", sourceBootstrap);
    config.put("src.zookeeper.connect", "127.0.0.1:2181");
    config.put("topic.rename.format", renameFormat);
    config.put("src.kafka.max.poll.records", "1000");
    return config;
  }
}
