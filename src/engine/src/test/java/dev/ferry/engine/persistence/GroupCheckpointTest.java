package dev.ferry.engine.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCheckpointTest {

  /** An executor whose tasks run when the test says so, on the test's thread. */
  private static final class Manual implements java.util.concurrent.Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }
  }

  @Test
  void requestsMadeBeforeARoundStartsShareIt() {
    AtomicInteger rounds = new AtomicInteger();
    Manual executor = new Manual();
    GroupCheckpoint group = new GroupCheckpoint(rounds::incrementAndGet, Duration.ZERO, executor);
    CompletableFuture<Void> first = group.request();
    CompletableFuture<Void> second = group.request();
    assertFalse(first.isDone(), "nothing is durable before a round ran");
    executor.runAll();
    assertTrue(first.isDone() && second.isDone(), "one round serves both requests");
    assertEquals(1, rounds.get(), "one durable step for two writes");
  }

  @Test
  void aRequestMadeDuringARoundWaitsForTheNextOne() throws Exception {
    CountDownLatch inRound = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger rounds = new AtomicInteger();
    var thread = Executors.newSingleThreadExecutor();
    try {
      GroupCheckpoint group = new GroupCheckpoint(() -> {
        if (rounds.incrementAndGet() == 1) {
          inRound.countDown();
          assertTrue(release.await(10, TimeUnit.SECONDS), "released");
        }
      }, Duration.ZERO, thread);
      CompletableFuture<Void> before = group.request();
      assertTrue(inRound.await(10, TimeUnit.SECONDS), "the first round started");
      CompletableFuture<Void> during = group.request();
      assertFalse(during.isDone(), "a round that started before the request does not answer it");
      release.countDown();
      before.get(10, TimeUnit.SECONDS);
      during.get(10, TimeUnit.SECONDS);
      assertEquals(2, rounds.get(), "the request made during the first round got a second round");
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void aFailedRoundFailsItsRequestsAndTheNextRequestStartsAnotherRound() {
    AtomicInteger rounds = new AtomicInteger();
    Manual executor = new Manual();
    GroupCheckpoint group = new GroupCheckpoint(() -> {
      if (rounds.incrementAndGet() == 1) {
        throw new java.io.IOException("No space left on device");
      }
    }, Duration.ZERO, executor);
    CompletableFuture<Void> failed = group.request();
    executor.runAll();
    ExecutionException error = assertThrows(ExecutionException.class, failed::get, "the write is not durable");
    assertEquals("No space left on device", error.getCause().getMessage(), "with the store's reason");
    CompletableFuture<Void> retried = group.request();
    executor.runAll();
    assertTrue(retried.isDone() && !retried.isCompletedExceptionally(), "a later round succeeds");
    assertEquals(2, rounds.get(), "two rounds");
  }
}
