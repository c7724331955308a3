package dev.ferry.connectors.kafka;

import dev.ferry.engine.spi.FlowProgress;
import java.util.concurrent.CompletionStage;

/**
 * Called, in source order, for each batch the target acknowledged, before the flow may checkpoint
 * it; the flow's progress waits for the returned stage. Used to record offset mappings (MirrorMaker 2
 * offset syncs) so a checkpoint never covers records whose mapping is not recorded.
 */
@FunctionalInterface
public interface BatchListener {

  /** Completes with the progress to checkpoint once the batch is fully handled. */
  CompletionStage<FlowProgress> acknowledged(AcknowledgedBatch batch);
}
