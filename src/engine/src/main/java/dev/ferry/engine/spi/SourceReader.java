package dev.ferry.engine.spi;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The source side of one source flow whose source is not Kafka (a table, a file, a backup
 * folder): Kafka Connect's {@code SourceTask.poll} contract, asynchronous and for one flow. The
 * engine transforms and converts each record, writes it to the topic it names (creating topics as
 * needed) and persists the record's {@link SourceRecord#sourceOffset()} as the flow's position
 * only after Kafka acknowledged it.
 *
 * <p>Lifecycle: made when the flow's graph starts (with the position to continue after), closed
 * when it stops. Records are returned once each, in order; after a restart the reader is made
 * again from the last acknowledged position, so it must be able to continue exactly after any
 * position it returned. Calls never overlap and must not block their thread.
 */
public interface SourceReader extends AutoCloseable {

  /**
   * The next records, in order, each with its source offset (the position after it); completes
   * with an empty list after the type's poll interval when there is nothing new.
   */
  CompletionStage<List<SourceRecord>> poll();

  /** Every record up to and including {@code record} is durable in Kafka (Connect's {@code commitRecord}). */
  default void committed(SourceRecord record) {}

  /** Releases the reader's resources. */
  @Override
  void close();
}
