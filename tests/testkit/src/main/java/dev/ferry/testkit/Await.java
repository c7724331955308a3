package dev.ferry.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition with a deadline: the tests' replacement for sleeping. */
public final class Await {

  private static final long POLL_MS = 100;

  private Await() {}

  /**
   * Returns once {@code condition} holds; fails with {@code description} (evaluated at the
   * deadline, so it can show the last observed value) when it never does.
   */
  public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
        last = null;
      } catch (RuntimeException e) {
        last = e; // e.g. the API not answering yet: keep polling
      }
      pause();
    }
    throw new AssertionError("Timed out after " + timeout + " waiting for: " + description.get()
        + (last == null ? "" : " (last error: " + last + ")"), last);
  }

  /**
   * Checks that {@code condition} keeps holding for the whole {@code period} (for "nothing
   * happens while paused" checks); fails as soon as it does not.
   */
  public static void holdsFor(Duration period, BooleanSupplier condition, Supplier<String> description) {
    long end = System.nanoTime() + period.toNanos();
    while (System.nanoTime() < end) {
      if (!condition.getAsBoolean()) {
        throw new AssertionError("Stopped holding within " + period + ": " + description.get());
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while polling", e);
    }
  }
}
