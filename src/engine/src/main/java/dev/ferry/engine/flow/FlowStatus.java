package dev.ferry.engine.flow;

import dev.ferry.engine.JsonSerializable;

/**
 * A flow's answer to a status query, in Kafka Connect's task vocabulary.
 *
 * @param id                 the flow
 * @param state              RUNNING, PAUSED, FAILED, UNASSIGNED or STOPPED
 * @param workerId           node that runs it ({@code host:port} of its REST API)
 * @param trace              failure trace when FAILED, else null
 * @param nextOffset         persisted source offset to resume from (-1 before the first checkpoint)
 * @param recordsReplicated  records acknowledged by the target since the flow was assigned
 * @param bytesReplicated    key + value bytes acknowledged since the flow was assigned
 * @param lastSourceTimestamp timestamp of the newest replicated source record (ms, 0 if none)
 * @param recordsPerSecond   recent replication rate on this node
 */
public record FlowStatus(
    FlowId id,
    String state,
    String workerId,
    String trace,
    long nextOffset,
    long recordsReplicated,
    long bytesReplicated,
    long lastSourceTimestamp,
    double recordsPerSecond) implements JsonSerializable {}
