package dev.ferry.engine.spi;

import java.util.List;

/**
 * A connector config was rejected. Carries every problem found, each naming its key, so the API
 * can answer 400 with Kafka Connect's "configuration is invalid" message.
 */
public final class ConnectorConfigException extends RuntimeException {

  private final List<String> errors;

  /** One exception for all problems found. */
  public ConnectorConfigException(List<String> errors) {
    super(connectMessage(errors));
    this.errors = List.copyOf(errors);
  }

  /** The problems, one per entry. */
  public List<String> errors() {
    return errors;
  }

  /** Kafka Connect's wording for an invalid connector configuration. */
  public static String connectMessage(List<String> errors) {
    StringBuilder text = new StringBuilder("Connector configuration is invalid and contains the following ")
        .append(errors.size()).append(" error(s):\n");
    for (String error : errors) {
      text.append(error).append('\n');
    }
    return text.append("You can also find the above list of errors at the endpoint "
        + "`/connector-plugins/{connectorType}/config/validate`").toString();
  }
}
