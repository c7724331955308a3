package dev.ferry.engine.spi;

import dev.ferry.engine.JsonSerializable;

/**
 * What a flow's graph emits once the target has made records durable: every source record up to
 * {@code position} is safe on the target. Elements merge (the later position wins, counts add
 * up), so a flow checkpoints one merged element per window instead of one per batch.
 *
 * @param position        where the flow resumes if it restarts now
 * @param records         records made durable in this element (written, or dropped on purpose)
 * @param bytes           key + value bytes made durable in this element
 * @param sourceTimestamp timestamp of the newest such source record (ms; 0 when unknown)
 */
public record FlowProgress(Position position, long records, long bytes, long sourceTimestamp)
    implements JsonSerializable {

  /** This progress followed by {@code later}. */
  public FlowProgress merge(FlowProgress later) {
    return new FlowProgress(later.position, records + later.records, bytes + later.bytes,
        Math.max(sourceTimestamp, later.sourceTimestamp));
  }
}
