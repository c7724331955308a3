package dev.ferry.engine.spi;

import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * What a {@link SinkWriter} gets from the engine for one run of one flow: which partition it
 * writes, and Connect's errant-record reporter. A writer that cannot write one record (the
 * database rejects a row, the search server rejects a document) reports it: under
 * {@code errors.tolerance=none} the report fails (and so the flow, with a trace naming the record);
 * under {@code all} the record goes to the dead letter queue (when configured), is counted and
 * logged, and the report completes once that is durable, so the writer may then skip it.
 *
 * @param connector the connector's name
 * @param partition the Kafka topic-partition the flow reads
 * @param errors    the errant-record reporter
 */
public record SinkContext(String connector, TopicPartition partition, ErrantRecords errors) {

  /** Connect's {@code ErrantRecordReporter}, asynchronous. */
  @FunctionalInterface
  public interface ErrantRecords {
    /** Reports a record the writer could not write; fails when the connector tolerates no errors. */
    CompletionStage<Void> report(SinkRecord record, Throwable error);
  }
}
