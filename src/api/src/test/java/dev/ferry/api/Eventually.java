package dev.ferry.api;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls something asynchronous until it holds or a deadline passes: tests never sleep a fixed time. */
final class Eventually {

  private static final long POLL_MILLIS = 100;

  private Eventually() {}

  /**
   * Reads a value until it satisfies the condition, and returns it.
   *
   * @throws AssertionError naming what was awaited and the last value read, after the deadline
   */
  static <T> T until(Duration patience, String what, Supplier<T> read, Predicate<T> condition) {
    Instant deadline = Instant.now().plus(patience);
    T last = null;
    RuntimeException lastError = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last = read.get();
        lastError = null;
        if (condition.test(last)) {
          return last;
        }
      } catch (RuntimeException e) {
        lastError = e;
      }
      pause();
    }
    AssertionError failure = new AssertionError("Waited " + patience + " for " + what + "; last seen: "
        + (lastError != null ? lastError : last));
    if (lastError != null) {
      failure.initCause(lastError);
    }
    throw failure;
  }

  private static void pause() {
    // Between two polls only: the wait itself is bounded by the deadline, not by a fixed sleep.
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while polling", e);
    }
  }
}
