package dev.ferry.connectors.connect;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Connect's {@code errors.retry.timeout} and {@code errors.retry.delay.max.ms}: an operation that
 * fails with Connect's {@link RetriableException} (a writer's transient failure) is tried again,
 * waiting 300 ms, then twice as long each time up to the maximum delay, until it succeeds or the
 * timeout has passed (0: no retries; negative: forever). Other failures are not retried. Waiting
 * never blocks a thread.
 */
public final class Retries {

  private static final Duration FIRST_DELAY = Duration.ofMillis(300);

  private Retries() {}

  /** {@code operation}, retried as {@code policy} says. */
  public static <T> CompletionStage<T> retrying(Supplier<CompletionStage<T>> operation, ErrorPolicy policy) {
    long deadline = policy.retryTimeout().isNegative() ? Long.MAX_VALUE
        : System.nanoTime() + policy.retryTimeout().toNanos();
    return attempt(operation, policy, deadline, FIRST_DELAY);
  }

  private static <T> CompletionStage<T> attempt(Supplier<CompletionStage<T>> operation, ErrorPolicy policy,
                                                long deadline, Duration delay) {
    CompletableFuture<T> result = new CompletableFuture<>();
    operation.get().whenComplete((value, error) -> {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (error == null) {
        result.complete(value);
      } else if (cause instanceof RetriableException && System.nanoTime() + delay.toNanos() < deadline) {
        Duration next = delay.multipliedBy(2).compareTo(policy.retryDelayMax()) > 0 ? policy.retryDelayMax()
            : delay.multipliedBy(2);
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
            .thenCompose(v -> attempt(operation, policy, deadline, next))
            .whenComplete((v, e) -> {
              if (e == null) {
                result.complete(v);
              } else {
                result.completeExceptionally(e);
              }
            });
      } else {
        result.completeExceptionally(cause);
      }
    });
    return result;
  }
}
