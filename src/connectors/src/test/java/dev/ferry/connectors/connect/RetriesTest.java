package dev.ferry.connectors.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

class RetriesTest {

  private static ErrorPolicy retryFor(Duration timeout) {
    return new ErrorPolicy(false, timeout, Duration.ofMillis(600), false, false, "", (short) 1, false);
  }

  @Test
  void aRetriableFailureIsRetriedUntilItSucceeds() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    long value = Retries.<Long>retrying(() -> attempts.incrementAndGet() < 3
        ? CompletableFuture.failedFuture(new RetriableException("database restarting"))
        : CompletableFuture.completedFuture(42L), retryFor(Duration.ofSeconds(30)))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(42L, value, "the third attempt's result");
    assertEquals(3, attempts.get(), "two retries");
  }

  @Test
  void otherFailuresAndAZeroTimeoutAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    ExecutionException other = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> Retries.retrying(() -> {
          attempts.incrementAndGet();
          return CompletableFuture.failedFuture(new IllegalStateException("bad row"));
        }, retryFor(Duration.ofSeconds(30))).toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, other.getCause(), "the failure as it was");
    assertEquals(1, attempts.get(), "a non-retriable failure is not retried");

    AtomicInteger noRetry = new AtomicInteger();
    org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> Retries.retrying(() -> {
      noRetry.incrementAndGet();
      return CompletableFuture.failedFuture(new RetriableException("down"));
    }, retryFor(Duration.ZERO)).toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertEquals(1, noRetry.get(), "errors.retry.timeout=0: no retries, as Connect's default");
  }
}
