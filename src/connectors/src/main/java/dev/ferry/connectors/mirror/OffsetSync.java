package dev.ferry.connectors.mirror;

import java.nio.ByteBuffer;

/**
 * MM2's offset-sync record: source record {@code upstreamOffset} of {@code topic}-{@code partition}
 * was written at {@code downstreamOffset} of its remote partition. Key {@code topic:STRING,
 * partition:INT32}; value {@code upstreamOffset:INT64, offset:INT64}.
 *
 * @param topic            source topic
 * @param partition        source partition
 * @param upstreamOffset   offset on the source
 * @param downstreamOffset offset of the copy on the target
 */
public record OffsetSync(String topic, int partition, long upstreamOffset, long downstreamOffset) {

  /** The record key. */
  public byte[] key() {
    ByteBuffer buffer = ByteBuffer.allocate(WireFormat.sizeOf(topic) + 4);
    WireFormat.putString(buffer, topic);
    buffer.putInt(partition);
    return buffer.array();
  }

  /** The record value. */
  public byte[] value() {
    return ByteBuffer.allocate(16).putLong(upstreamOffset).putLong(downstreamOffset).array();
  }

  /** Reads a record written by Ferry or MM2. */
  public static OffsetSync read(byte[] key, byte[] value) {
    ByteBuffer k = ByteBuffer.wrap(key);
    String topic = WireFormat.getString(k);
    int partition = k.getInt();
    ByteBuffer v = ByteBuffer.wrap(value);
    return new OffsetSync(topic, partition, v.getLong(), v.getLong());
  }
}
