package dev.ferry.connectors.kafka;

import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Checks Kafka client settings a connector passes through ({@code src.kafka.*}, MirrorMaker 2's
 * {@code source.cluster.*}, {@code consumer.override.*}...) against kafka-clients' own
 * {@link ConfigDef}s when the config is submitted, as Connect validates its configs: a known key
 * with a value of the wrong type or out of range is refused naming the connector's key
 * ({@code src.kafka.max.poll.records=abc} → 400), instead of flows failing in a loop later. Keys the
 * client does not know pass (plugins such as SASL callback handlers read their own).
 */
public final class ClientSettings {

  /** Which client a setting is for. */
  public enum Role {
    /** A consumer's settings. */
    CONSUMER(ConsumerConfig.configDef()),
    /** A producer's settings. */
    PRODUCER(ProducerConfig.configDef()),
    /** An admin client's settings. */
    ADMIN(AdminClientConfig.configDef());

    private final ConfigDef definition;

    Role(ConfigDef definition) {
      this.definition = definition;
    }

    /** The role a MirrorMaker 2 prefix names ({@code consumer}, {@code producer}, {@code admin}). */
    public static Role of(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  private ClientSettings() {}

  /**
   * The Kafka cluster a sink reads or a source writes: the connector's {@code <prefix>*} client
   * settings (Connect's {@code consumer.override.*} / {@code producer.override.*}), each checked
   * for {@code role}, with {@code <prefix>bootstrap.servers} overriding the node's cluster.
   *
   * @param missing the error when there is no cluster at all
   */
  public static ClusterClientKey cluster(java.util.Map<String, String> config, String prefix, Role role,
                                         String nodeCluster, String missing, List<String> errors) {
    java.util.Map<String, String> overrides = new java.util.HashMap<>();
    config.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        overrides.put(key.substring(prefix.length()), value);
      }
    });
    overrides.forEach((k, v) -> check(role, prefix + k, k, v, errors));
    String servers = overrides.remove("bootstrap.servers");
    if (servers == null || servers.isBlank()) {
      servers = nodeCluster;
    }
    if (servers == null || servers.isBlank()) {
      errors.add(missing);
    }
    return new ClusterClientKey(servers == null ? "" : servers, overrides);
  }

  /**
   * Adds a problem to {@code errors} when {@code clientKey} is a setting {@code role} knows and
   * {@code value} is not valid for it; {@code connectorKey} is how the connector named it.
   */
  public static void check(Role role, String connectorKey, String clientKey, String value, List<String> errors) {
    ConfigDef.ConfigKey key = role.definition.configKeys().get(clientKey);
    if (key == null) {
      return;
    }
    try {
      Object parsed = ConfigDef.parseType(clientKey, value == null ? null : value.trim(), key.type);
      if (key.validator != null) {
        key.validator.ensureValid(clientKey, parsed);
      }
    } catch (ConfigException e) {
      String message = error(errors, connectorKey, value, e);
      if (!errors.contains(message)) {
        errors.add(message);
      }
    }
  }

  private static String error(List<String> errors, String connectorKey, String value, ConfigException e) {
    String reason = e.getMessage();
    int colon = reason.indexOf(": ");
    if (reason.startsWith("Invalid value") && colon > 0) {
      reason = reason.substring(colon + 2);
    }
    return "Invalid value " + value + " for configuration " + connectorKey + ": " + reason;
  }
}
