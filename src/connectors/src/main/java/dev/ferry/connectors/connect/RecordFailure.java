package dev.ferry.connectors.connect;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * A record that failed and was not tolerated ({@code errors.tolerance=none}): its message names
 * the topic, partition and offset (where the record came from Kafka), the stage and the class that
 * failed, so the flow's trace in status says which record to look at.
 */
public final class RecordFailure extends ConnectException {

  /** A failure of the record at {@code where} in {@code stage}. */
  public RecordFailure(String where, Stage stage, String className, Throwable cause) {
    super("Tolerance exceeded in error handler: record " + where + " failed in " + stage
        + (className == null ? "" : " (" + className + ")") + ": " + cause, cause);
  }
}
