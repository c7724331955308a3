package dev.ferry.connectors.kafka;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batches one flow graph has handed to the producer and not yet seen acknowledged, oldest
 * first, so the flow's status can say when the target stopped answering: without it a batch the
 * broker never takes waits {@code delivery.timeout.ms} (120 s) with the flow shown RUNNING. Batches
 * are acknowledged in the order they were sent (one partition, one idempotent producer). Written by
 * the graph's send stage, read by the flow entity; one instance per materialized graph.
 */
final class Unacknowledged {

  private static final Logger log = LoggerFactory.getLogger(Unacknowledged.class);

  private record Batch(long sentNanos, int records) {}

  private final String partition;
  private final ConcurrentLinkedQueue<Batch> batches = new ConcurrentLinkedQueue<>();
  private final AtomicLong records = new AtomicLong();
  private final AtomicBoolean reported = new AtomicBoolean();

  /** Tracks the writes to {@code partition} (named in the stall's description, e.g. {@code orders.replica-3}). */
  Unacknowledged(String partition) {
    this.partition = partition;
  }

  /** A batch of {@code count} records was handed to the producer. */
  void sent(int count) {
    batches.add(new Batch(System.nanoTime(), count));
    records.addAndGet(count);
  }

  /** The oldest batch was acknowledged. */
  void acknowledged() {
    Batch done = batches.poll();
    if (done != null) {
      records.addAndGet(-done.records());
    }
    if (batches.isEmpty() && reported.compareAndSet(true, false)) {
      log.info("The target acknowledges writes to {} again", partition);
    }
  }

  /** The stall's description when the oldest unacknowledged batch is older than {@code timeout}, else null. */
  String stall(Duration timeout) {
    Batch oldest = batches.peek();
    if (oldest == null) {
      return null;
    }
    long waited = System.nanoTime() - oldest.sentNanos();
    if (waited < timeout.toNanos()) {
      return null;
    }
    String description = records.get() + " record(s) sent to " + partition + " not acknowledged by the target for "
        + Duration.ofNanos(waited).toSeconds() + " s (the producer keeps retrying until delivery.timeout.ms; "
        + "look for the partition's leader and the target's logs)";
    if (reported.compareAndSet(false, true)) {
      log.warn("{}", description);
    }
    return description;
  }
}
