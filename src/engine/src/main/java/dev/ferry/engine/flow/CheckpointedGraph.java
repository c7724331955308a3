package dev.ferry.engine.flow;

import dev.ferry.engine.FlowSettings;
import dev.ferry.engine.metrics.FlowMeters;
import dev.ferry.engine.spi.FlowControl;
import dev.ferry.engine.spi.FlowProgress;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Runs a flow's graph with metering and checkpointing attached: each acknowledged batch is counted
 * in the flow's {@link FlowMeters} (which the graph also carries as an attribute, for its source
 * stage to measure record age), then acknowledged progress is merged into one
 * checkpoint per {@code checkpoint-max-records} records or {@code checkpoint-interval}, and each
 * checkpoint is handed to {@code persist} (the flow entity) one at a time. While a checkpoint is
 * being persisted the data keeps flowing and later progress merges into the next checkpoint, so a
 * slow journal never slows replication; it only widens the window a crash could repeat.
 */
final class CheckpointedGraph {

  private CheckpointedGraph() {}

  /** Materializes the graph; completes when the graph has drained (or fails with its error). */
  static Pair<FlowControl, CompletionStage<Done>> run(Source<FlowProgress, FlowControl> graph, FlowSettings settings,
                                                      Function<FlowProgress, CompletionStage<Done>> persist,
                                                      FlowMeters meters, ActorSystem<?> system) {
    int maxRecords = settings.checkpointMaxRecords();
    return graph
        .addAttributes(Attributes.apply(meters))
        // One element per acknowledged batch: metered here, before checkpoints merge them.
        .map(progress -> {
          meters.acknowledged(progress);
          return progress;
        })
        // A progress element may stand for a whole batch: weigh it by its records, but never above
        // the maximum (an element heavier than the group's maximum would stall the grouping stage).
        .groupedWeightedWithin(maxRecords, p -> Math.min(p.records(), (long) maxRecords), settings.checkpointInterval())
        .map(CheckpointedGraph::mergeAll)
        .conflate(FlowProgress::merge)
        .mapAsync(1, persist::apply)
        .toMat(Sink.ignore(), Keep.both())
        .run(system);
  }

  private static FlowProgress mergeAll(List<FlowProgress> batch) {
    FlowProgress merged = batch.get(0);
    for (int i = 1; i < batch.size(); i++) {
      merged = merged.merge(batch.get(i));
    }
    return merged;
  }
}
