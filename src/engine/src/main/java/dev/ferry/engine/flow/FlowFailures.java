package dev.ferry.engine.flow;

import dev.ferry.engine.FlowSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

/** Failure traces and restart backoff of flows (and connectors, which report traces the same way). */
public final class FlowFailures {

  private FlowFailures() {}

  /** A readable trace: a headline, then the cause chain's stack trace as Kafka Connect shows it. */
  public static String trace(String headline, Throwable error) {
    StringWriter out = new StringWriter();
    out.append(headline).append(": ").append(rootMessage(error)).append('\n');
    error.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** The innermost cause's message, which usually names what is really wrong. */
  public static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Exponential backoff: min, 2×min, 4×min ... capped at max. */
  public static Duration backoff(FlowSettings settings, int failures) {
    Duration delay = settings.restartBackoffMin();
    for (int i = 1; i < failures && delay.compareTo(settings.restartBackoffMax()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.restartBackoffMax()) > 0 ? settings.restartBackoffMax() : delay;
  }
}
