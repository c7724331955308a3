package dev.ferry.engine.spi;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The data path of one flow, built by its connector type: read the source from a position,
 * convert and transform, write to the target, and emit a {@link FlowProgress} whenever the target
 * has made more records durable, in source order. The flow entity owns checkpointing, restarts
 * and draining; a graph knows none of that.
 *
 * <p>A graph that ends by itself (its source is bounded and fully copied) tells the flow it has
 * finished when its plan {@link ConnectorPlan#boundedFlows() has bounded flows}; otherwise an end
 * the flow did not ask for counts as a failure and the flow restarts.
 */
public interface FlowGraph {

  /**
   * Where the flow starts. {@code persisted} is the position the journal holds (null when the flow
   * never checkpointed or an operator reset it); {@code movedByOperator} says an operator set it
   * through the offsets API since the last run. Most graphs return {@code persisted}, or their
   * initial position when it is null (e.g. a partition's earliest offset); a sink that keeps its
   * offsets in the target itself returns what the target holds, unless an operator moved it.
   */
  CompletionStage<Position> startPosition(Position persisted, boolean movedByOperator);

  /** The graph reading from {@code position}; backpressured end to end. */
  Source<FlowProgress, FlowControl> from(Position position);
}
