package dev.ferry.engine.connector;

/** Rules for connector names, as Kafka Connect applies them. */
public final class ConnectorNames {

  private ConnectorNames() {}

  /** Throws a 400 {@link ConnectorException} when a name is empty or has control characters. */
  public static void check(String name) {
    if (name == null || name.isBlank()) {
      throw new ConnectorException(ConnectorException.Kind.BAD_REQUEST, "Connector name is empty");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new ConnectorException(ConnectorException.Kind.BAD_REQUEST,
          "Connector name '" + name.replaceAll("\\p{Cntrl}", "?") + "' contains control characters");
    }
    if (name.length() > 200) {
      throw new ConnectorException(ConnectorException.Kind.BAD_REQUEST, "Connector name is longer than 200 characters");
    }
  }
}
