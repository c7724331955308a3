package dev.ferry.connectors.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.connectors.kafka.AcknowledgedBatch;
import dev.ferry.engine.spi.FlowProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Syncs written per batch translate every committed offset to the exact resume position. */
class OffsetIndexTest {

  private static final TopicPartition TP = new TopicPartition("orders", 0);

  @Test
  void contiguousBatchesTranslateEveryOffsetExactlyWithOneSyncPerBatch() {
    OffsetSyncWriter writer = new OffsetSyncWriter(null, "syncs");
    OffsetIndex index = new OffsetIndex();
    List<OffsetSync> written = new ArrayList<>();
    // Source 1000..1999 copied to target 0..999 in batches of 250.
    for (long start = 1000; start < 2000; start += 250) {
      written.addAll(feed(writer, index, range(start, 250), range(start - 1000, 250)));
    }
    assertEquals(1 + 4, written.size(), "first record, then the last record of each of the 4 batches: " + written);
    for (long k = 1000; k <= 2000; k++) {
      assertEquals(OptionalLong.of(k - 1000), index.translate(k), "committed " + k + " resumes at its copy");
    }
    assertTrue(index.size() <= 2, "one run: its start and the frontier, " + index.size());
  }

  @Test
  void skippedSourceRecordsAndTransactionMarkersDoNotShiftTheResumePoint() {
    OffsetSyncWriter writer = new OffsetSyncWriter(null, "syncs");
    OffsetIndex index = new OffsetIndex();
    // Source 0..9 copied, 10 and 11 are markers (never seen), 12..19 copied; 15 skipped (provenance).
    long[] upstream = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 16, 17, 18, 19};
    long[] downstream = new long[upstream.length];
    for (int i = 0; i < downstream.length; i++) {
      downstream[i] = i;
    }
    feed(writer, index, upstream, downstream);
    assertEquals(OptionalLong.of(10), index.translate(10), "committed on a marker: resume at the next copy");
    assertEquals(OptionalLong.of(10), index.translate(11), "second marker too");
    assertEquals(OptionalLong.of(10), index.translate(12), "the record after the markers");
    assertEquals(OptionalLong.of(13), index.translate(15), "the skipped record: resume at 16's copy");
    assertEquals(OptionalLong.of(13), index.translate(16), "16 itself");
    assertEquals(OptionalLong.of(12), index.translate(14), "14 in the run after the gap");
    assertEquals(OptionalLong.of(17), index.translate(20), "end of the log");
  }

  @Test
  void recordsRewrittenAfterACrashMapToTheirNewestCopies() {
    OffsetSyncWriter first = new OffsetSyncWriter(null, "syncs");
    OffsetIndex index = new OffsetIndex();
    feed(first, index, range(0, 100), range(0, 100));
    // Crash: the flow restarts from its checkpoint at 80; 80..99 are copied again at 100..119.
    OffsetSyncWriter restarted = new OffsetSyncWriter(null, "syncs");
    feed(restarted, index, range(80, 40), range(100, 40));
    assertEquals(OptionalLong.of(50), index.translate(50), "before the repeat: the only copy");
    assertEquals(OptionalLong.of(105), index.translate(85), "repeated records: the newest copy, never skipping");
    assertEquals(OptionalLong.of(140), index.translate(120), "end");
  }

  private static List<OffsetSync> feed(OffsetSyncWriter writer, OffsetIndex index, long[] upstream, long[] downstream) {
    List<OffsetSync> syncs = writer.syncsOf(new AcknowledgedBatch(TP, upstream, downstream,
        new FlowProgress(dev.ferry.connectors.kafka.KafkaFlows.position(upstream[upstream.length - 1] + 1), upstream.length, 0, 0)));
    syncs.forEach(s -> index.add(s.upstreamOffset(), s.downstreamOffset()));
    return syncs;
  }

  private static long[] range(long from, int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = from + i;
    }
    return out;
  }
}
