package dev.ferry.engine.connector;

import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowStatus;
import dev.ferry.engine.spi.FlowRef;

/**
 * One flow as {@code GET /flows} shows it: where it runs, how far it is, and how far behind.
 *
 * @param connector     the connector it belongs to
 * @param flow          its task id and descriptor
 * @param status        its live status (state, node, persisted position, counters, rate)
 * @param sourceOffset  its persisted position as a number comparable with {@code endOffset} (-1: not comparable)
 * @param endOffset     the source's current end (-1 when the connector type cannot tell)
 */
public record FlowView(String connector, FlowRef flow, FlowStatus status, long sourceOffset, long endOffset) {

  /** The flow's identity. */
  public FlowId id() {
    return new FlowId(connector, flow.key());
  }

  /** Source records not yet persisted as copied (-1 when unknown). */
  public long offsetLag() {
    if (endOffset < 0) {
      return -1;
    }
    return Math.max(0, endOffset - Math.max(0, sourceOffset));
  }

  /**
   * How old the newest copied record is when the flow is behind, in ms (0 when caught up, -1
   * when unknown): the delay a consumer of the target sees.
   */
  public long timeLagMs(long nowMs) {
    long lag = offsetLag();
    if (lag <= 0) {
      return lag;
    }
    return status.lastSourceTimestamp() > 0 ? Math.max(0, nowMs - status.lastSourceTimestamp()) : -1;
  }
}
