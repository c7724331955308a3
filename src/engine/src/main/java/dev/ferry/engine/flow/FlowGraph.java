package dev.ferry.engine.flow;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The data path of one flow, built by its connector type: read the source partition, transform,
 * write to the target, and emit a {@link FlowProgress} after each acknowledgement, in source
 * order. The flow entity owns checkpointing, restarts and draining; a graph knows none of that.
 */
public interface FlowGraph {

  /** Where the flow starts when it has never checkpointed (e.g. the partition's earliest offset). */
  CompletionStage<Long> initialOffset();

  /** The graph reading from {@code offset}; backpressured end to end. */
  Source<FlowProgress, FlowControl> from(long offset);
}
