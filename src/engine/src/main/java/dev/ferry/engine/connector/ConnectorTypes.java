package dev.ferry.engine.connector;

import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.ConnectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The connector types on the classpath, looked up by {@code connector.class}. Like Kafka Connect
 * it accepts the fully qualified name, the simple name, and the simple name without the
 * {@code Connector} suffix.
 */
public final class ConnectorTypes {

  /** The key every connector config names its type with. */
  public static final String CONNECTOR_CLASS = "connector.class";

  private static final List<ConnectorType> TYPES = load();

  private ConnectorTypes() {}

  private static List<ConnectorType> load() {
    List<ConnectorType> types = new ArrayList<>();
    ServiceLoader.load(ConnectorType.class, ConnectorTypes.class.getClassLoader()).forEach(types::add);
    return List.copyOf(types);
  }

  /** Every installed type. */
  public static List<ConnectorType> all() {
    return TYPES;
  }

  /** The type a class name refers to, if any. */
  public static Optional<ConnectorType> find(String connectorClass) {
    if (connectorClass == null) {
      return Optional.empty();
    }
    String wanted = connectorClass.trim();
    for (ConnectorType type : TYPES) {
      List<String> names = new ArrayList<>(type.aliases());
      names.add(type.className());
      for (String name : names) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String shortName = simple.endsWith("Connector") ? simple.substring(0, simple.length() - 9) : simple;
        if (wanted.equals(name) || wanted.equals(simple) || wanted.equals(shortName)) {
          return Optional.of(type);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Validates a whole connector config: its class must be known, then the type checks its keys.
   *
   * @throws ConnectorConfigException naming every problem
   */
  public static ConnectorPlan plan(String name, Map<String, String> config, ConnectorContext context) {
    return typeOf(config).plan(name, config, context);
  }

  /** The type named by a config's {@code connector.class}, or an exception that says what is wrong. */
  public static ConnectorType typeOf(Map<String, String> config) {
    String connectorClass = config.get(CONNECTOR_CLASS);
    if (connectorClass == null || connectorClass.isBlank()) {
      throw new ConnectorConfigException(List.of(
          "Missing required configuration \"connector.class\" which has no default value."));
    }
    return find(connectorClass).orElseThrow(() -> new ConnectorConfigException(List.of(
        "Invalid value " + connectorClass.trim() + " for configuration connector.class: unknown connector class. "
            + "Installed: " + TYPES.stream().map(ConnectorType::className).toList())));
  }
}
