package dev.ferry.connectors.kafka;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The hand-over point between a {@link SharedConsumer}'s poll thread and one flow's source stage:
 * a queue of polled record batches for one partition. The poll thread offers batches and pauses
 * the partition once {@code highWatermark} records are queued; the stage takes records and asks
 * for the partition to be resumed once it has drained below half of that. So a slow flow holds at
 * most about one watermark plus one fetch of records, and never slows the other partitions.
 */
final class PartitionFeed {

  final TopicPartition partition;
  final long startOffset;
  private final int highWatermark;
  private final ConcurrentLinkedQueue<List<ConsumerRecord<byte[], byte[]>>> batches = new ConcurrentLinkedQueue<>();
  private int queued; // guarded by this
  private boolean paused; // guarded by this
  private volatile Consumer<Object> listener = signal -> { };

  PartitionFeed(TopicPartition partition, long startOffset, int highWatermark) {
    this.partition = partition;
    this.startOffset = startOffset;
    this.highWatermark = highWatermark;
  }

  /** The stage's wake-up: called with {@link Signal#DATA} or a failure, from the poll thread. */
  void listen(Consumer<Object> listener) {
    this.listener = listener;
  }

  // ---------------------------------------------------------------- poll thread side

  /**
   * Queues a polled batch; returns true when the partition should now be paused. The count and the
   * paused flag change together with {@link #consumed} (one lock): otherwise the stage could drain
   * the batch between the count and the pause decision, see "not paused", and never resume it.
   */
  boolean offer(List<ConsumerRecord<byte[], byte[]>> batch) {
    boolean pause;
    synchronized (this) {
      batches.add(batch);
      queued += batch.size();
      pause = queued >= highWatermark && !paused;
      if (pause) {
        paused = true;
      }
    }
    listener.accept(Signal.DATA);
    return pause;
  }

  /** The consumer failed: the stage fails with this error and its flow restarts. */
  void fail(Throwable error) {
    listener.accept(error);
  }

  // ---------------------------------------------------------------- stage side

  /** The next queued batch, or null. */
  List<ConsumerRecord<byte[], byte[]>> poll() {
    return batches.poll();
  }

  /** Accounts for records the stage has emitted; true when a paused partition should resume. */
  synchronized boolean consumed(int records) {
    queued -= records;
    if (paused && queued <= highWatermark / 2) {
      paused = false;
      return true;
    }
    return false;
  }

  /** Signals the poll thread sends to a stage. */
  enum Signal { DATA }
}
