package dev.ferry.connectors.kafka;

import dev.ferry.engine.metrics.FlowMeters;
import dev.ferry.engine.spi.FlowControl;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.pekko.Done;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.AbstractGraphStageWithMaterializedValue;

/**
 * A flow's source: the records of one partition, from a {@link SharedConsumer} (the first
 * {@link ConsumerLanes lane} where no other flow reads the partition), in offset order,
 * in chunks of at most {@code maxChunk} records of the batches the consumer polled (so
 * downstream stages run once per chunk, not per record),
 * emitted only on demand (backpressure reaches the consumer through the {@link PartitionFeed}).
 * Materializes a {@link FlowControl} whose {@code stopConsuming()} completes the source; the
 * feed is detached when the stage stops for any reason. When the graph carries the flow's
 * {@link FlowMeters} attribute, the age of each chunk's first and last record is measured as it is
 * emitted (MirrorMaker 2's record-age-ms, two samples per chunk rather than one per record).
 */
final class PartitionSource
    extends AbstractGraphStageWithMaterializedValue<SourceShape<List<ConsumerRecord<byte[], byte[]>>>, FlowControl> {

  private final Outlet<List<ConsumerRecord<byte[], byte[]>>> out = Outlet.create("PartitionSource.out");
  private final SourceShape<List<ConsumerRecord<byte[], byte[]>>> shape = SourceShape.of(out);
  private final ConsumerLanes lanes;
  private final TopicPartition partition;
  private final long startOffset;
  private final int highWatermark;
  private final int maxChunk;

  PartitionSource(ConsumerLanes lanes, TopicPartition partition, long startOffset, int highWatermark,
                  int maxChunk) {
    this.maxChunk = maxChunk;
    this.lanes = lanes;
    this.partition = partition;
    this.startOffset = startOffset;
    this.highWatermark = highWatermark;
  }

  @Override
  public SourceShape<List<ConsumerRecord<byte[], byte[]>>> shape() {
    return shape;
  }

  @Override
  public Pair<GraphStageLogic, FlowControl> createLogicAndMaterializedValuePair(Attributes attributes) {
    Logic logic = new Logic(attributes.getAttribute(FlowMeters.class).orElse(null));
    return Pair.create(logic, logic::requestStop);
  }

  private final class Logic extends GraphStageLogic {
    private final PartitionFeed feed = new PartitionFeed(partition, startOffset, highWatermark);
    private final AsyncCallback<Object> signal = createAsyncCallback(this::onSignal);
    private final AsyncCallback<Done> stop = createAsyncCallback(done -> completeStage());
    private List<ConsumerRecord<byte[], byte[]>> current;
    private int position;
    private final FlowMeters meters;
    private ConsumerLanes.Lease lease;

    Logic(FlowMeters meters) {
      super(shape);
      this.meters = meters;
      setHandler(out, new AbstractOutHandler() {
        @Override
        public void onPull() {
          pump();
        }
      });
    }

    void requestStop() {
      stop.invoke(Done.getInstance());
    }

    @Override
    public void preStart() {
      feed.listen(signal::invoke);
      lease = lanes.acquire(partition);
      lease.consumer().attach(feed);
    }

    @Override
    public void postStop() {
      if (lease != null) {
        if (lease.consumer().isRunning()) {
          lease.consumer().detach(feed);
        }
        lanes.release(lease);
      }
    }

    private void onSignal(Object signalled) {
      if (signalled instanceof Throwable error) {
        failStage(error);
      } else {
        pump();
      }
    }

    private void pump() {
      while (isAvailable(out)) {
        if (current == null || position >= current.size()) {
          if (current != null && feed.consumed(current.size())) {
            lease.consumer().resume(feed);
          }
          current = feed.poll();
          position = 0;
          if (current == null) {
            return;
          }
        }
        // At most maxChunk records per element, so batches downstream keep their bound.
        int end = Math.min(current.size(), position + maxChunk);
        if (meters != null) {
          meters.polled(current.get(position).timestamp());
          meters.polled(current.get(end - 1).timestamp());
        }
        push(out, current.subList(position, end));
        position = end;
      }
    }
  }
}
