package dev.ferry.connectors.mirror;

import java.nio.ByteBuffer;

/**
 * MM2's checkpoint record: consumer group {@code group} of the source cluster has committed
 * {@code upstreamOffset} on the source partition, which is {@code downstreamOffset} on the remote
 * partition {@code topic}-{@code partition}. Key {@code group:STRING, topic:STRING, partition:INT32};
 * value {@code version:INT16=0, upstreamOffset:INT64, offset:INT64, metadata:STRING}.
 *
 * @param group            the consumer group
 * @param topic            the remote (downstream) topic
 * @param partition        the partition
 * @param upstreamOffset   committed offset on the source
 * @param downstreamOffset the equivalent offset on the target
 * @param metadata         the commit's metadata
 */
public record Checkpoint(String group, String topic, int partition, long upstreamOffset, long downstreamOffset,
                         String metadata) {

  private static final short VERSION = 0;

  /** The record key. */
  public byte[] key() {
    ByteBuffer buffer = ByteBuffer.allocate(WireFormat.sizeOf(group) + WireFormat.sizeOf(topic) + 4);
    WireFormat.putString(buffer, group);
    WireFormat.putString(buffer, topic);
    buffer.putInt(partition);
    return buffer.array();
  }

  /** The record value. */
  public byte[] value() {
    String meta = metadata == null ? "" : metadata;
    ByteBuffer buffer = ByteBuffer.allocate(2 + 16 + WireFormat.sizeOf(meta));
    buffer.putShort(VERSION).putLong(upstreamOffset).putLong(downstreamOffset);
    WireFormat.putString(buffer, meta);
    return buffer.array();
  }

  /** Reads a record written by Ferry or MM2. */
  public static Checkpoint read(byte[] key, byte[] value) {
    ByteBuffer k = ByteBuffer.wrap(key);
    String group = WireFormat.getString(k);
    String topic = WireFormat.getString(k);
    int partition = k.getInt();
    ByteBuffer v = ByteBuffer.wrap(value);
    short version = v.getShort();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown checkpoint version " + version);
    }
    return new Checkpoint(group, topic, partition, v.getLong(), v.getLong(), WireFormat.getString(v));
  }
}
