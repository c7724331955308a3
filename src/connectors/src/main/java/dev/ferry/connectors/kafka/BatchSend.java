package dev.ferry.connectors.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends a batch of records on a shared producer and completes once, when the target acknowledged
 * every record of it (or fails with the first error). One callback counter per batch instead of a
 * future per record: the acknowledgement costs a decrement per record and one completion per batch.
 * Records are handed to the producer in list order on the calling thread, so with the idempotent
 * producer the partition keeps the batch's order.
 */
final class BatchSend {

  private BatchSend() {}

  /** Sends {@code records}; completes with the target offset of each record, in order. */
  static CompletionStage<long[]> send(Producer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records) {
    long[] offsets = new long[records.size()];
    CompletableFuture<long[]> acknowledged = new CompletableFuture<>();
    if (records.isEmpty()) {
      acknowledged.complete(offsets);
      return acknowledged;
    }
    AtomicInteger outstanding = new AtomicInteger(records.size());
    for (int i = 0; i < records.size(); i++) {
      int index = i;
      producer.send(records.get(i), (metadata, error) -> {
        if (error != null) {
          acknowledged.completeExceptionally(error);
        } else {
          offsets[index] = metadata.offset();
          if (outstanding.decrementAndGet() == 0) {
            acknowledged.complete(offsets);
          }
        }
      });
    }
    return acknowledged;
  }
}
