package dev.ferry.connectors.mirror;

import java.nio.ByteBuffer;

/**
 * MM2's heartbeat record, emitted on the target's {@code heartbeats} topic and replicated onward
 * as {@code <alias>.heartbeats}. Key {@code sourceClusterAlias:STRING, targetClusterAlias:STRING};
 * value {@code version:INT16=0, timestamp:INT64}.
 *
 * @param sourceAlias the source cluster
 * @param targetAlias the target cluster
 * @param timestamp   when it was emitted (ms)
 */
public record Heartbeat(String sourceAlias, String targetAlias, long timestamp) {

  private static final short VERSION = 0;

  /** The record key. */
  public byte[] key() {
    ByteBuffer buffer = ByteBuffer.allocate(WireFormat.sizeOf(sourceAlias) + WireFormat.sizeOf(targetAlias));
    WireFormat.putString(buffer, sourceAlias);
    WireFormat.putString(buffer, targetAlias);
    return buffer.array();
  }

  /** The record value. */
  public byte[] value() {
    return ByteBuffer.allocate(10).putShort(VERSION).putLong(timestamp).array();
  }

  /** Reads a record written by Ferry or MM2. */
  public static Heartbeat read(byte[] key, byte[] value) {
    ByteBuffer k = ByteBuffer.wrap(key);
    String source = WireFormat.getString(k);
    String target = WireFormat.getString(k);
    ByteBuffer v = ByteBuffer.wrap(value);
    v.getShort();
    return new Heartbeat(source, target, v.getLong());
  }
}
