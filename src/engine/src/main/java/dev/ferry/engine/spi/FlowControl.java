package dev.ferry.engine.spi;

/**
 * Handle on a running flow graph. {@link #stopConsuming()} stops reading new source records;
 * records already in flight still reach the target and are checkpointed, then the graph completes.
 */
@FunctionalInterface
public interface FlowControl {
  /** Stops the source; the graph completes once its in-flight records are durable. */
  void stopConsuming();
}
