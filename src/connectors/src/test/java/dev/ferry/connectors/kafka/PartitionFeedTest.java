package dev.ferry.connectors.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionFeedTest {

  private static final TopicPartition TP = new TopicPartition("t", 0);

  private static List<ConsumerRecord<byte[], byte[]>> batch(long from, int size) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      records.add(new ConsumerRecord<>("t", 0, from + i, null, new byte[] {1}));
    }
    return records;
  }

  @Test
  void pausesOnceAtTheHighWatermarkAndResumesBelowHalf() {
    PartitionFeed feed = new PartitionFeed(TP, 0, 100);
    List<Object> signals = new ArrayList<>();
    feed.listen(signals::add);
    assertFalse(feed.offer(batch(0, 60)), "below the watermark the partition keeps fetching");
    assertTrue(feed.offer(batch(60, 60)), "at 120 of 100 queued the partition pauses");
    assertFalse(feed.offer(batch(120, 10)), "an already paused partition is not paused twice");
    assertEquals(3, signals.size(), "the stage is woken for every batch");

    assertFalse(feed.consumed(60), "70 still queued: stays paused");
    assertTrue(feed.consumed(30), "40 queued, below half the watermark: resume");
    assertFalse(feed.consumed(10), "a running partition is not resumed again");
  }

  @Test
  void handsBatchesOverInOffsetOrder() {
    PartitionFeed feed = new PartitionFeed(TP, 0, 1000);
    List<ConsumerRecord<byte[], byte[]>> first = batch(0, 5);
    List<ConsumerRecord<byte[], byte[]>> second = batch(5, 5);
    feed.offer(first);
    feed.offer(second);
    assertSame(first, feed.poll(), "first batch first");
    assertSame(second, feed.poll(), "then the second");
    assertNull(feed.poll(), "then nothing");
  }

  @Test
  void aConsumerFailureReachesTheStage() {
    PartitionFeed feed = new PartitionFeed(TP, 0, 10);
    List<Object> signals = new ArrayList<>();
    feed.listen(signals::add);
    IllegalStateException failure = new IllegalStateException("broker gone");
    feed.fail(failure);
    assertEquals(List.of(failure), signals, "the stage receives the failure itself");
  }
}
