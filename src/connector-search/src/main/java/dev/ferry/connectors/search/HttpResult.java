package dev.ferry.connectors.search;

import java.nio.charset.StandardCharsets;

/**
 * A search server's answer to one request: its status and body, whatever the status (the REST
 * client's exceptions for non-2xx answers are turned back into results, so callers decide).
 *
 * @param status the HTTP status
 * @param body   the body (empty when there was none)
 */
public record HttpResult(int status, byte[] body) {

  /** Whether the status is 2xx. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** Whether retrying may help: too many requests, or the server failed or is unavailable. */
  public boolean retriable() {
    return status == 429 || status >= 500;
  }

  /** The body as text, shortened for messages. */
  public String preview() {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() > 500 ? text.substring(0, 500) + "..." : text;
  }
}
