package dev.ferry.connectors.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a source record into the record written to the target, or {@code null} to skip it (for
 * example a record that would flow back to the cluster it came from). Runs on the replication
 * path for every record: it must be cheap and must not block.
 */
@FunctionalInterface
public interface RecordCopier {

  /** The copy of {@code record} for {@code targetTopic} (same partition number), or null to skip it. */
  ProducerRecord<byte[], byte[]> copy(ConsumerRecord<byte[], byte[]> record, String targetTopic);

  /** Key, value, headers and timestamp copied byte for byte into the same partition number. */
  static RecordCopier exact() {
    return (record, targetTopic) -> new ProducerRecord<>(targetTopic, record.partition(),
        record.timestamp() >= 0 ? record.timestamp() : null, record.key(), record.value(), record.headers());
  }
}
