package dev.ferry.engine.connector;

import dev.ferry.engine.flow.FlowStatus;

/**
 * One flow as {@code GET /flows} shows it: where it runs, how far it is, and how far behind.
 *
 * @param connector   the connector it belongs to
 * @param flow        its task id and partitions
 * @param status      its live status (state, node, persisted offset, counters, rate)
 * @param endOffset   the source's current end (-1 when the connector type cannot tell)
 */
public record FlowView(String connector, ConnectorEntity.FlowRef flow, FlowStatus status, long endOffset) {

  /** Source records not yet persisted as replicated (-1 when unknown). */
  public long offsetLag() {
    if (endOffset < 0) {
      return -1;
    }
    return Math.max(0, endOffset - Math.max(0, status.nextOffset()));
  }

  /**
   * How old the newest replicated record is when the flow is behind, in ms (0 when caught up, -1
   * when unknown): the replication delay a consumer on the target sees.
   */
  public long timeLagMs(long nowMs) {
    long lag = offsetLag();
    if (lag <= 0) {
      return lag;
    }
    return status.lastSourceTimestamp() > 0 ? Math.max(0, nowMs - status.lastSourceTimestamp()) : -1;
  }
}
