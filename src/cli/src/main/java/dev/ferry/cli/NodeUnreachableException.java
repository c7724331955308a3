package dev.ferry.cli;

/**
 * The node did not answer: the connection was refused or timed out, or its host is unknown. Names
 * the setting that points the CLI at another address ({@code --url or FERRY_URL} for the REST API).
 */
public final class NodeUnreachableException extends RuntimeException {

  private final String url;
  private final String reason;
  private final String setting;

  /**
   * An unreachable REST API.
   *
   * @param url    the node address that was tried
   * @param reason what happened, in a few words ("connection refused")
   * @param cause  the HTTP client's exception
   */
  public NodeUnreachableException(String url, String reason, Throwable cause) {
    this(url, reason, "--url or " + NodeAddress.URL_VARIABLE, cause);
  }

  /**
   * An unreachable endpoint chosen by {@code setting}.
   *
   * @param setting the flag and variable that choose the address, e.g. {@code --url or FERRY_URL}
   */
  public NodeUnreachableException(String url, String reason, String setting, Throwable cause) {
    super("cannot reach " + url + ": " + reason, cause);
    this.url = url;
    this.reason = reason;
    this.setting = setting;
  }

  /** The node address that was tried. */
  public String url() {
    return url;
  }

  /** What happened, in a few words. */
  public String reason() {
    return reason;
  }

  /** The flag and variable that choose the address. */
  public String setting() {
    return setting;
  }
}
