package dev.ferry.cli;

/** The node did not answer: the connection was refused or timed out, or its host is unknown. */
public final class NodeUnreachableException extends RuntimeException {

  private final String url;
  private final String reason;

  /**
   * @param url    the node address that was tried
   * @param reason what happened, in a few words ("connection refused")
   * @param cause  the HTTP client's exception
   */
  public NodeUnreachableException(String url, String reason, Throwable cause) {
    super("cannot reach " + url + ": " + reason, cause);
    this.url = url;
    this.reason = reason;
  }

  /** The node address that was tried. */
  public String url() {
    return url;
  }

  /** What happened, in a few words. */
  public String reason() {
    return reason;
  }
}
