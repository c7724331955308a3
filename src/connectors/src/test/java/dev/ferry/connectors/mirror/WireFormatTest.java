package dev.ferry.connectors.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.mirror.Mm2Records;
import org.junit.jupiter.api.Test;

/** Ferry's internal records are byte-compatible with MM2's (connect-mirror-client reads and writes them). */
class WireFormatTest {

  @Test
  void checkpointsReadAndWrittenAsMm2Does() {
    Checkpoint ferry = new Checkpoint("billing", "east.orders", 3, 1007, 5, "meta");
    var mm2 = org.apache.kafka.connect.mirror.Checkpoint.deserializeRecord(
        new ConsumerRecord<>("east.checkpoints.internal", 0, 0L, ferry.key(), ferry.value()));
    assertEquals("billing", mm2.consumerGroupId(), "group");
    assertEquals("east.orders", mm2.topicPartition().topic(), "downstream topic");
    assertEquals(3, mm2.topicPartition().partition(), "partition");
    assertEquals(1007, mm2.upstreamOffset(), "upstream offset");
    assertEquals(5, mm2.downstreamOffset(), "downstream offset");
    assertEquals("meta", mm2.metadata(), "metadata");
    var back = new org.apache.kafka.connect.mirror.Checkpoint("billing", new org.apache.kafka.common.TopicPartition("east.orders", 3),
        1007, 5, "meta");
    assertArrayEquals(Mm2Records.key(back), ferry.key(), "same key bytes as MM2");
    assertArrayEquals(Mm2Records.value(back), ferry.value(), "same value bytes as MM2");
    assertEquals(ferry, Checkpoint.read(Mm2Records.key(back), Mm2Records.value(back)), "Ferry reads MM2's checkpoints");
  }

  @Test
  void heartbeatsReadAndWrittenAsMm2Does() {
    Heartbeat ferry = new Heartbeat("east", "west", 1_700_000_000_123L);
    var mm2 = new org.apache.kafka.connect.mirror.Heartbeat("east", "west", 1_700_000_000_123L);
    assertArrayEquals(Mm2Records.key(mm2), ferry.key(), "same key bytes as MM2");
    assertArrayEquals(Mm2Records.value(mm2), ferry.value(), "same value bytes as MM2");
    var read = org.apache.kafka.connect.mirror.Heartbeat.deserializeRecord(
        new ConsumerRecord<>("heartbeats", 0, 0L, ferry.key(), ferry.value()));
    assertEquals("east", read.sourceClusterAlias(), "source alias");
    assertEquals(1_700_000_000_123L, read.timestamp(), "timestamp");
  }

  @Test
  void offsetSyncsUseMm2Layout() {
    OffsetSync sync = new OffsetSync("orders", 2, 1005, 5);
    ByteBuffer key = ByteBuffer.allocate(2 + 6 + 4).putShort((short) 6).put("orders".getBytes(StandardCharsets.UTF_8)).putInt(2);
    assertArrayEquals(key.array(), sync.key(), "key: topic STRING, partition INT32");
    assertArrayEquals(ByteBuffer.allocate(16).putLong(1005).putLong(5).array(), sync.value(),
        "value: upstreamOffset INT64, offset INT64");
    assertEquals(sync, OffsetSync.read(sync.key(), sync.value()), "round trip");
  }
}
