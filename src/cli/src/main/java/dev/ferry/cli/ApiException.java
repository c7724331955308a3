package dev.ferry.cli;

/**
 * The node answered with an error status. Carries the error body's message and what the request
 * was about (a connector or a cluster member), so {@link CliErrors} can say "connector X not found".
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String serverMessage;
  private final String connector;
  private final String member;

  /**
   * @param status        the HTTP status
   * @param serverMessage the {@code message} of the error body (or the raw body when it has none)
   * @param connector     the connector the request was about, {@code null} when none
   */
  public ApiException(int status, String serverMessage, String connector) {
    this(status, serverMessage, connector, null);
  }

  private ApiException(int status, String serverMessage, String connector, String member) {
    super("HTTP " + status + ": " + serverMessage);
    this.status = status;
    this.serverMessage = serverMessage;
    this.connector = connector;
    this.member = member;
  }

  /** A refusal of a request about cluster member {@code member} (an address as the user gave it), or none. */
  public static ApiException aboutMember(int status, String serverMessage, String member) {
    return new ApiException(status, serverMessage, null, member);
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

  /** The cluster member the request was about, {@code null} when none. */
  public String member() {
    return member;
  }
}
