package dev.ferry.connectors.mirror;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Kafka protocol primitives as MirrorMaker 2 writes its internal records (big-endian;
 * STRING = INT16 length + UTF-8 bytes), so peers such as {@code connect-mirror-client} read Ferry's
 * records and Ferry reads theirs.
 */
final class WireFormat {

  private WireFormat() {}

  static int sizeOf(String value) {
    return 2 + value.getBytes(StandardCharsets.UTF_8).length;
  }

  static void putString(ByteBuffer buffer, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    buffer.putShort((short) bytes.length);
    buffer.put(bytes);
  }

  static String getString(ByteBuffer buffer) {
    short length = buffer.getShort();
    if (length < 0) {
      throw new IllegalArgumentException("negative STRING length " + length);
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
