package dev.ferry.connectors.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Source records produced together as one envelope, in offset order: one or more polled batches
 * joined by the batching stage, which bounds it by records and bytes (give or take one poll).
 */
public final class RecordBatch {

  private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

  RecordBatch add(List<ConsumerRecord<byte[], byte[]>> polled) {
    records.addAll(polled);
    return this;
  }

  /** The records, in offset order. */
  public List<ConsumerRecord<byte[], byte[]>> records() {
    return records;
  }
}
