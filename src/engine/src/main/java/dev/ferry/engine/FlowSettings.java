package dev.ferry.engine;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Limits and cadence of one flow (one source topic-partition): how often it checkpoints, how many
 * records it may have in flight, how it backs off after failures. Read from {@code ferry.flow}.
 *
 * @param checkpointMaxRecords persist the acknowledged offset after at most this many records
 * @param checkpointInterval   ... or after this long
 * @param maxInFlightRecords   records sent to the target and not yet acknowledged, at most
 * @param bufferRecords        records buffered between consumer and producer stage, at most
 * @param maxBatchRecords      records produced as one batch (one acknowledgement), at most
 * @param maxBatchBytes        key + value bytes of one batch, at most
 * @param restartBackoffMin    first restart delay after a failure
 * @param restartBackoffMax    largest restart delay
 * @param drainTimeout         how long a stopping flow may take to finish its in-flight records
 * @param stallTimeout         how long records may wait for the target's acknowledgement before the
 *                             flow's status shows it stalled (FAILED with a trace; it keeps waiting)
 */
public record FlowSettings(
    int checkpointMaxRecords,
    Duration checkpointInterval,
    int maxInFlightRecords,
    int bufferRecords,
    int maxBatchRecords,
    long maxBatchBytes,
    Duration restartBackoffMin,
    Duration restartBackoffMax,
    Duration drainTimeout,
    Duration stallTimeout) {

  /** Reads the {@code flow} keys of the {@code ferry} section. */
  public static FlowSettings create(Config flow) {
    Duration min = EngineSettings.positiveDuration(flow, "flow.restart-backoff-min");
    Duration max = EngineSettings.positiveDuration(flow, "flow.restart-backoff-max");
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException(
          "ferry.flow.restart-backoff-max (" + max + ") must be >= ferry.flow.restart-backoff-min (" + min + ")");
    }
    return new FlowSettings(
        EngineSettings.positive(flow, "flow.checkpoint-max-records"),
        EngineSettings.positiveDuration(flow, "flow.checkpoint-interval"),
        EngineSettings.positive(flow, "flow.max-in-flight-records"),
        EngineSettings.positive(flow, "flow.buffer-records"),
        EngineSettings.positive(flow, "flow.max-batch-records"),
        positiveBytes(flow, "flow.max-batch-bytes"),
        min,
        max,
        EngineSettings.positiveDuration(flow, "flow.drain-timeout"),
        EngineSettings.positiveDuration(flow, "flow.stall-timeout"));
  }

  private static long positiveBytes(Config c, String key) {
    long value = c.getBytes(key);
    if (value <= 0) {
      throw new IllegalArgumentException("ferry." + key + " must be > 0 bytes, was " + value);
    }
    return value;
  }
}
