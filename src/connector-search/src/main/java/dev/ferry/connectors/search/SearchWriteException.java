package dev.ferry.connectors.search;

/**
 * The search server did not take documents it should have taken (retries exhausted, a refused
 * request): fails the flow, whose message names the server, the document and the server's reason.
 */
public final class SearchWriteException extends RuntimeException {

  /** A failure with a message naming what failed and why. */
  public SearchWriteException(String message) {
    super(message);
  }
}
