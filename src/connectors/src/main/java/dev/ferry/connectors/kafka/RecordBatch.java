package dev.ferry.connectors.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Source records produced together as one envelope, in offset order (bounded by the batching stage). */
final class RecordBatch {

  private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

  RecordBatch add(ConsumerRecord<byte[], byte[]> record) {
    records.add(record);
    return this;
  }

  List<ConsumerRecord<byte[], byte[]>> records() {
    return records;
  }
}
