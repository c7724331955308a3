package org.apache.kafka.connect.mirror;

/**
 * Test-only window on MM2's package-private serializers, so Ferry's bytes can be compared with
 * the bytes MM2 itself writes.
 */
public final class Mm2Records {

  private Mm2Records() {}

  public static byte[] key(Checkpoint checkpoint) {
    return checkpoint.recordKey();
  }

  public static byte[] value(Checkpoint checkpoint) {
    return checkpoint.recordValue();
  }

  public static byte[] key(Heartbeat heartbeat) {
    return heartbeat.recordKey();
  }

  public static byte[] value(Heartbeat heartbeat) {
    return heartbeat.recordValue();
  }
}
