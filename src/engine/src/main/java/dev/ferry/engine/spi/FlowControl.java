package dev.ferry.engine.spi;

import java.time.Duration;

/**
 * Handle on a running flow graph. {@link #stopConsuming()} stops reading new source records;
 * records already in flight still reach the target and are checkpointed, then the graph completes.
 * {@link #stall} lets the flow's status show writes the target has not acknowledged for too long.
 */
@FunctionalInterface
public interface FlowControl {
  /** Stops the source; the graph completes once its in-flight records are durable. */
  void stopConsuming();

  /**
   * What the graph has been waiting for longer than {@code timeout} (the target's acknowledgement
   * of records it sent, say), in a sentence naming where; null when nothing waits that long. Called
   * from the flow entity's thread while the graph runs; must not block.
   */
  default String stall(Duration timeout) {
    return null;
  }
}
