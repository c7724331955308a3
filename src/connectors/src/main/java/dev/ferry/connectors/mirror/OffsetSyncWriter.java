package dev.ferry.connectors.mirror;

import dev.ferry.connectors.kafka.AcknowledgedBatch;
import dev.ferry.connectors.kafka.BatchListener;
import dev.ferry.engine.spi.FlowProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes MM2 offset syncs for one flow, enough to translate every source offset exactly: a sync
 * wherever the distance between source and target offsets changes (the first record of a run,
 * records after skipped or compacted offsets, re-written records after a crash) and one for the
 * last record of every acknowledged batch. A batch's progress is released only once its syncs are
 * acknowledged, so a checkpointed offset always has its mapping recorded.
 *
 * <p>MM2 itself syncs only every {@code offset.lag.max} records; its readers take these syncs
 * as they are. Lives as long as the flow's graph; a restarted graph starts with a new writer and
 * so a new run.
 */
final class OffsetSyncWriter implements BatchListener {

  private final Producer<byte[], byte[]> producer;
  private final String syncsTopic;
  private long lastDelta = Long.MIN_VALUE;

  OffsetSyncWriter(Producer<byte[], byte[]> producer, String syncsTopic) {
    this.producer = producer;
    this.syncsTopic = syncsTopic;
  }

  @Override
  public CompletionStage<FlowProgress> acknowledged(AcknowledgedBatch batch) {
    List<OffsetSync> syncs = syncsOf(batch);
    if (syncs.isEmpty()) {
      return CompletableFuture.completedFuture(batch.progress());
    }
    List<CompletableFuture<Void>> sent = new ArrayList<>(syncs.size());
    for (OffsetSync sync : syncs) {
      CompletableFuture<Void> acked = new CompletableFuture<>();
      producer.send(new ProducerRecord<>(syncsTopic, 0, sync.key(), sync.value()), (metadata, error) -> {
        if (error == null) {
          acked.complete(null);
        } else {
          acked.completeExceptionally(error);
        }
      });
      sent.add(acked);
    }
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(v -> batch.progress());
  }

  /** The syncs of a batch, in offset order; updates the run state. */
  List<OffsetSync> syncsOf(AcknowledgedBatch batch) {
    long[] upstream = batch.sourceOffsets();
    long[] downstream = batch.targetOffsets();
    List<OffsetSync> out = new ArrayList<>();
    String topic = batch.source().topic();
    int partition = batch.source().partition();
    for (int i = 0; i < upstream.length; i++) {
      long delta = downstream[i] - upstream[i];
      boolean last = i == upstream.length - 1;
      if (delta != lastDelta || last) {
        out.add(new OffsetSync(topic, partition, upstream[i], downstream[i]));
        lastDelta = delta;
      }
    }
    return out;
  }
}
