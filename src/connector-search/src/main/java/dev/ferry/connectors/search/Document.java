package dev.ferry.connectors.search;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One record as a {@code _bulk} operation: its action and source lines, encoded once (a retry
 * re-sends the same bytes), with where it goes for messages and the record it came from for the
 * errant-record reporter.
 *
 * @param record the record
 * @param action the bulk action
 * @param index  the index or data stream
 * @param id     the document id
 * @param lines  the NDJSON lines ({@code \n}-terminated) of the operation
 */
public record Document(SinkRecord record, Action action, String index, String id, byte[] lines) {

  /** A bulk operation. */
  public enum Action {
    /** Index the whole document (with the offset as external version when the key is the id). */
    INDEX("index"),
    /** Create the document; an existing one with the same id is kept (data streams). */
    CREATE("create"),
    /** Update the document by id, creating it when missing. */
    UPSERT("update"),
    /** Delete the document (a tombstone). */
    DELETE("delete");

    private final String bulkName;

    Action(String bulkName) {
      this.bulkName = bulkName;
    }

    /** Its name in a bulk action line. */
    public String bulkName() {
      return bulkName;
    }
  }

  /** {@code index/id (topic-partition@offset)}, how messages name the document. */
  public String describe() {
    return index + "/" + id + " (" + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset() + ")";
  }
}
