package dev.ferry.engine.connector;

import dev.ferry.engine.spi.ConnectorConfigException;
import java.util.List;

/**
 * Why a connector request was refused, as a kind the API maps to an HTTP status in one place.
 */
public final class ConnectorException extends RuntimeException {

  /** Kinds of refusal. */
  public enum Kind {
    /** No such connector or task (404). */
    NOT_FOUND,
    /** A connector with that name exists (409). */
    ALREADY_EXISTS,
    /** The request conflicts with the connector's state (409). */
    CONFLICT,
    /** The request or config is invalid (400). */
    BAD_REQUEST,
    /** The node cannot take the request now, e.g. its journal cannot be written (503). */
    UNAVAILABLE
  }

  private final Kind kind;
  private final List<String> errors;

  /** A refusal with a message that says what is wrong. */
  public ConnectorException(Kind kind, String message) {
    this(kind, message, List.of());
  }

  private ConnectorException(Kind kind, String message, List<String> errors) {
    super(message);
    this.kind = kind;
    this.errors = errors;
  }

  /** A 400 for an invalid config, with Connect's message listing every problem. */
  public static ConnectorException invalidConfig(ConnectorConfigException e) {
    return new ConnectorException(Kind.BAD_REQUEST, e.getMessage(), e.errors());
  }

  /** Kafka Connect's 404 message. */
  public static ConnectorException notFound(String name) {
    return new ConnectorException(Kind.NOT_FOUND, "Connector " + name + " not found");
  }

  /** The kind of refusal. */
  public Kind kind() {
    return kind;
  }

  /** For invalid configs: each problem. */
  public List<String> errors() {
    return errors;
  }
}
