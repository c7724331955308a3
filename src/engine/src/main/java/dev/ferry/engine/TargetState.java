package dev.ferry.engine;

/**
 * What an operator asked a connector (and so each of its flows) to do. Kafka Connect's target
 * states; {@code RUNNING} is Connect's {@code STARTED}.
 */
public enum TargetState {
  /** Consume, transform and produce. */
  RUNNING,
  /** Consume nothing; keep the flow's offsets and assignment. */
  PAUSED,
  /** Shut the flows down and show no tasks; offsets are kept. */
  STOPPED
}
