package dev.ferry.cli;

/**
 * The node answered with an error status. Carries Kafka Connect's error body message and the
 * connector the request was about, so {@link CliErrors} can say "connector X not found".
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String serverMessage;
  private final String connector;

  /**
   * @param status        the HTTP status
   * @param serverMessage the {@code message} of the error body (or the raw body when it has none)
   * @param connector     the connector the request was about, {@code null} when none
   */
  public ApiException(int status, String serverMessage, String connector) {
    super("HTTP " + status + ": " + serverMessage);
    this.status = status;
    this.serverMessage = serverMessage;
    this.connector = connector;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The node's explanation. */
  public String serverMessage() {
    return serverMessage;
  }

  /** The connector the request was about, {@code null} when none. */
  public String connector() {
    return connector;
  }
}
