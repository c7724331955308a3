package dev.ferry.connectors.search;

/**
 * No search server answered a request (connection refused, timed out, TLS failed): retried with
 * backoff up to {@code max.retries}, then the flow fails and the engine restarts it.
 */
public final class SearchUnreachableException extends RuntimeException {

  /** A failure whose message names the request and the connection. */
  public SearchUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
