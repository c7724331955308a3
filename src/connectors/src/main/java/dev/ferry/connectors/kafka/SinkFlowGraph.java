package dev.ferry.connectors.kafka;

import dev.ferry.connectors.connect.ConnectSettings;
import dev.ferry.connectors.connect.ErrantRecords;
import dev.ferry.connectors.connect.Retries;
import dev.ferry.connectors.connect.SinkRecords;
import dev.ferry.connectors.connect.Stage;
import dev.ferry.engine.FlowSettings;
import dev.ferry.engine.metrics.FerryMetrics;
import dev.ferry.engine.spi.FlowControl;
import dev.ferry.engine.spi.FlowGraph;
import dev.ferry.engine.spi.FlowProgress;
import dev.ferry.engine.spi.Position;
import dev.ferry.engine.spi.SinkContext;
import dev.ferry.engine.spi.SinkTarget;
import dev.ferry.engine.spi.SinkWriter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The data path of one sink flow: one Kafka topic-partition read through the node's shared
 * consumer, in batches ({@link PartitionBatches}) → Connect's converters and transforms
 * ({@link SinkRecords}, failures through the connector's error handling) → the type's
 * {@link SinkWriter}, one call at a time: {@code put} per batch, {@code flush} every
 * {@code checkpoint-interval} (also while no records arrive, for time-based commits), {@code drain}
 * when the flow stops. A {@link FlowProgress} is emitted only when the writer reports more records
 * durable, so the flow's position never runs ahead of the target.
 *
 * <p>A sink whose target keeps its own offsets ({@link SinkTarget#committedOffset}) resumes from
 * there: its rows and offsets commit together, so nothing is written twice after a crash.
 */
public final class SinkFlowGraph implements FlowGraph {

  private enum Tick { INSTANCE }

  private enum Drain { INSTANCE }

  private final ActorSystem<?> system;
  private final KafkaClients clients;
  private final String connector;
  private final int taskId;
  private final ClusterClientKey cluster;
  private final TopicPartition partition;
  private final FlowSettings settings;
  private final ConnectSettings connect;
  private final SinkTarget target;

  /** The graph of the flow reading {@code partition} of {@code cluster} into {@code target}. */
  public SinkFlowGraph(ActorSystem<?> system, String connector, int taskId, ClusterClientKey cluster,
                       TopicPartition partition, FlowSettings settings, ConnectSettings connect, SinkTarget target) {
    this.system = system;
    this.clients = KafkaClients.get(system);
    this.connector = connector;
    this.taskId = taskId;
    this.cluster = cluster;
    this.partition = partition;
    this.settings = settings;
    this.connect = connect;
    this.target = target;
  }

  /** The target's own offset if it keeps one (unless an operator moved the flow), else the journal's, else the earliest. */
  @Override
  public CompletionStage<Position> startPosition(Position persisted, boolean movedByOperator) {
    if (movedByOperator && KafkaFlows.offset(persisted) >= 0) {
      return CompletableFuture.completedFuture(persisted);
    }
    return target.committedOffset(partition).thenCompose(committed -> {
      if (committed.isPresent()) {
        return CompletableFuture.completedFuture(KafkaFlows.position(committed.getAsLong()));
      }
      if (KafkaFlows.offset(persisted) >= 0) {
        return CompletableFuture.completedFuture(persisted);
      }
      return clients.admin(cluster).listOffsets(Map.of(partition, OffsetSpec.earliest()))
          .partitionResult(partition).toCompletionStage()
          .thenApply(info -> KafkaFlows.position(info.offset()));
    });
  }

  @Override
  public Source<FlowProgress, FlowControl> from(Position position) {
    long start = KafkaFlows.offset(position);
    ErrantRecords errants = new ErrantRecords(connector, taskId, connect.errors(),
        DeadLetters.on(clients, cluster, connect.errors()), FerryMetrics.get(system).registry());
    Run run = new Run(start, errants);
    Source<Object, FlowControl> records = PartitionBatches.of(clients, cluster, partition, start, settings)
        .mapAsync(1, batch -> run.convert(batch))
        .map(put -> (Object) put);
    Source<Object, ?> ticks = Source.tick(settings.checkpointInterval(), settings.checkpointInterval(), Tick.INSTANCE);
    return records
        .merge(ticks, true) // ends when the records end: stopConsuming, or a failure
        .concat(Source.single(Drain.INSTANCE))
        .mapAsync(1, run::write)
        .mapConcat(progress -> progress)
        .watchTermination((control, done) -> {
          done.whenComplete((d, error) -> run.close());
          return control;
        });
  }

  /** A converted batch to write: its records and the offset after the last record read. */
  private record Put(List<SinkRecord> records, long nextOffset, long count, long bytes, long newestTimestamp) {}

  /** One materialization: its writer, converters and the ledger of what is not yet durable. */
  private final class Run {
    private final SinkRecords conversion;
    private final SinkWriter writer;
    private final ArrayDeque<Put> pending = new ArrayDeque<>();
    private long durable;
    private volatile Map<Long, ConsumerRecord<byte[], byte[]>> originals = Map.of();

    Run(long start, ErrantRecords errants) {
      this.durable = start;
      this.conversion = new SinkRecords(connect, errants);
      this.writer = target.open(new SinkContext(connector, partition, (record, error) -> {
        ConsumerRecord<byte[], byte[]> original = originals.get(record.kafkaOffset());
        if (original == null) {
          return errants.failed(record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset(),
              Stage.TASK_PUT, null, error);
        }
        return errants.failed(original, Stage.TASK_PUT, null, error);
      }));
    }

    CompletionStage<Put> convert(RecordBatch batch) {
      List<ConsumerRecord<byte[], byte[]>> records = batch.records();
      ConsumerRecord<byte[], byte[]> last = records.get(records.size() - 1);
      long newest = 0;
      for (ConsumerRecord<byte[], byte[]> r : records) {
        newest = Math.max(newest, r.timestamp());
      }
      long newestTimestamp = newest;
      long bytes = PartitionBatches.payloadBytes(records);
      return conversion.convert(records).thenApply(converted -> {
        originals = converted.originals();
        return new Put(converted.records(), last.offset() + 1, records.size(), bytes, newestTimestamp);
      });
    }

    CompletionStage<List<FlowProgress>> write(Object element) {
      if (element instanceof Put put) {
        pending.add(put);
        return Retries.retrying(() -> writer.put(put.records(), put.nextOffset()), connect.errors())
            .thenApply(this::madeDurable);
      }
      if (element == Drain.INSTANCE) {
        return writer.drain().thenApply(this::madeDurable);
      }
      return Retries.retrying(() -> writer.flush(System.currentTimeMillis()), connect.errors())
          .thenApply(this::madeDurable);
    }

    /** Progress for every pending batch now durable, merged into one element. */
    private List<FlowProgress> madeDurable(Long next) {
      if (next == null || next == SinkWriter.NOTHING_NEW || next <= durable) {
        return List.of();
      }
      long records = 0;
      long bytes = 0;
      long newest = 0;
      while (!pending.isEmpty() && pending.peek().nextOffset() <= next) {
        Put done = pending.poll();
        records += done.count();
        bytes += done.bytes();
        newest = Math.max(newest, done.newestTimestamp());
      }
      durable = next;
      return List.of(new FlowProgress(KafkaFlows.position(next), records, bytes, newest));
    }

    void close() {
      try {
        writer.close();
      } finally {
        conversion.close();
      }
    }
  }
}
