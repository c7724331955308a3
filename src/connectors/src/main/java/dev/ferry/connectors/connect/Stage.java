package dev.ferry.connectors.connect;

/** Where in a flow a record failed: Kafka Connect's {@code __connect.errors.stage} values. */
public enum Stage {
  /** Reading the record from Kafka. */
  KAFKA_CONSUME,
  /** Deserializing or serializing the key. */
  KEY_CONVERTER,
  /** Deserializing or serializing the value. */
  VALUE_CONVERTER,
  /** Deserializing or serializing a header. */
  HEADER_CONVERTER,
  /** A single message transform or its predicate. */
  TRANSFORMATION,
  /** The sink's writer (Connect's {@code SinkTask.put}). */
  TASK_PUT,
  /** The source's reader (Connect's {@code SourceTask.poll}). */
  TASK_POLL,
  /** Writing the record to Kafka. */
  KAFKA_PRODUCE
}
