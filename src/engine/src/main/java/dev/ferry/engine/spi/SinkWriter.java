package dev.ferry.engine.spi;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The target side of one sink flow (one Kafka topic-partition): Kafka Connect's {@code SinkTask}
 * contract ({@code put}, {@code flush}/{@code preCommit}), asynchronous and for one partition.
 * The engine reads the partition, converts and transforms the records, and hands them over in
 * offset order; the flow's position advances only to what the writer reports durable.
 *
 * <p>Lifecycle: made when the flow's graph starts on a node, closed when it stops (drain,
 * hand-off, failure). A writer that buffers (files, bulk requests) reports what it has made
 * durable from {@link #put} and {@link #flush}; what it still buffers at close is dropped and read
 * again by the next run from the last durable offset, so a writer with deterministic output
 * (object names from offsets, document ids, rows keyed by offset) is exactly-once.
 *
 * <p>Calls never overlap: the next call comes after the previous one's stage completed. No call may
 * block its thread; slow I/O belongs on the writer's own executor.
 */
public interface SinkWriter extends AutoCloseable {

  /** {@link #put}/{@link #flush} value meaning "nothing more is durable than before". */
  long NOTHING_NEW = -1;

  /**
   * Takes the next records of the partition (converted, transformed, possibly empty when every
   * record of a batch was dropped). {@code nextOffset} is the offset after the last record read,
   * dropped ones included. Completes when the writer can take more, with the next offset up to
   * which every record is durable, or {@link #NOTHING_NEW}.
   */
  CompletionStage<Long> put(List<SinkRecord> records, long nextOffset);

  /**
   * Called every checkpoint interval, also while no records arrive: time-based commits (rotation
   * by wall clock, a bulk request's linger) happen here. Completes like {@link #put}.
   */
  CompletionStage<Long> flush(long nowMs);

  /**
   * The flow is stopping gracefully (pause, hand-off, shutdown, config change): the last call
   * before {@link #close}. Make durable what you can without breaking exactly-once (a writer with
   * offset-derived object names may leave a partial file to be re-read), and complete like
   * {@link #put}. The default flushes.
   */
  default CompletionStage<Long> drain() {
    return flush(System.currentTimeMillis());
  }

  /** Releases the writer's resources; records not yet durable are dropped (read again later). */
  @Override
  void close();
}
