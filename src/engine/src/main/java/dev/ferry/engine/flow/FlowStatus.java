package dev.ferry.engine.flow;

import dev.ferry.engine.JsonSerializable;
import dev.ferry.engine.spi.Position;

/**
 * A flow's answer to a status query, in Kafka Connect's task vocabulary.
 *
 * @param id                  the flow
 * @param state               RUNNING, PAUSED, FAILED, UNASSIGNED, STOPPED or FINISHED
 * @param workerId            node that runs it ({@code host:port} of its REST API)
 * @param trace               failure trace when FAILED, else null
 * @param position            persisted position to resume from (null before the first checkpoint)
 * @param recordsReplicated   records made durable on the target since the flow was assigned
 * @param bytesReplicated     key + value bytes made durable since the flow was assigned
 * @param lastSourceTimestamp timestamp of the newest such source record (ms, 0 if none)
 * @param recordsPerSecond    recent rate on this node
 */
public record FlowStatus(
    FlowId id,
    String state,
    String workerId,
    String trace,
    Position position,
    long recordsReplicated,
    long bytesReplicated,
    long lastSourceTimestamp,
    double recordsPerSecond) implements JsonSerializable {

  /** A flow whose entity did not answer in time. */
  public static FlowStatus unknown(FlowId id, String workerId) {
    return new FlowStatus(id, "UNASSIGNED", workerId, null, null, 0, 0, 0, 0);
  }
}
