package dev.ferry.engine.flow;

import dev.ferry.engine.JsonSerializable;

/**
 * What a flow's graph emits after the target acknowledged records: every source record before
 * {@code nextOffset} is safely on the target. Progress elements merge, so a flow checkpoints one
 * merged element per batch instead of one per record.
 *
 * @param nextOffset      the source offset to resume from
 * @param records         records acknowledged in this element
 * @param bytes           key + value bytes acknowledged in this element
 * @param sourceTimestamp timestamp of the newest acknowledged source record (ms)
 */
public record FlowProgress(long nextOffset, long records, long bytes, long sourceTimestamp)
    implements JsonSerializable {

  /** This progress followed by {@code later}. */
  public FlowProgress merge(FlowProgress later) {
    return new FlowProgress(
        Math.max(nextOffset, later.nextOffset),
        records + later.records,
        bytes + later.bytes,
        Math.max(sourceTimestamp, later.sourceTimestamp));
  }
}
