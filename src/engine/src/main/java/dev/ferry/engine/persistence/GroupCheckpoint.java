package dev.ferry.engine.persistence;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit for a store that makes its committed writes durable in one costly step: callers
 * ask for a round after their own write has committed, and one round serves everyone who asked
 * before it started. A round that is already running never answers a request made during it (that
 * request's write may not be in it), and rounds start at most once per {@code interval}, so a busy
 * node pays for one durable step per interval rather than one per write.
 *
 * <p>Rounds run one at a time on {@code executor} (a thread of their own: a round blocks). A round
 * that fails fails the requests it served; the next request starts a new round.
 */
final class GroupCheckpoint {

  /** One durable step (an H2 {@code CHECKPOINT}, say); throws when the store cannot make it. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  private final Step step;
  private final long intervalNanos;
  private final Executor executor;
  private CompletableFuture<Void> next;
  private boolean running;

  GroupCheckpoint(Step step, Duration interval, Executor executor) {
    this.step = step;
    this.intervalNanos = interval.toNanos();
    this.executor = executor;
  }

  /** Completes once a round that started after this call has made every earlier write durable. */
  synchronized CompletableFuture<Void> request() {
    if (next == null) {
      next = new CompletableFuture<>();
    }
    CompletableFuture<Void> mine = next;
    if (!running) {
      running = true;
      executor.execute(this::rounds);
    }
    return mine;
  }

  private void rounds() {
    while (true) {
      CompletableFuture<Void> round;
      synchronized (this) {
        round = next;
        next = null;
        if (round == null) {
          running = false;
          return;
        }
      }
      long started = System.nanoTime();
      try {
        step.run();
        round.complete(null);
      } catch (Exception | Error e) {
        round.completeExceptionally(e);
      }
      long rest = intervalNanos - (System.nanoTime() - started);
      if (rest > 0) {
        LockSupport.parkNanos(rest); // requests made meanwhile join the next round
      }
    }
  }
}
