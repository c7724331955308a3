package dev.ferry.connectors.kafka;

import dev.ferry.connectors.connect.ConnectSettings;
import dev.ferry.connectors.connect.ErrantRecords;
import dev.ferry.connectors.connect.SourceRecords;
import dev.ferry.engine.FlowSettings;
import dev.ferry.engine.metrics.FerryMetrics;
import dev.ferry.engine.spi.FlowControl;
import dev.ferry.engine.spi.FlowGraph;
import dev.ferry.engine.spi.FlowProgress;
import dev.ferry.engine.spi.Position;
import dev.ferry.engine.spi.SourceReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The data path of one source flow whose source is not Kafka: the type's {@link SourceReader},
 * polled one call at a time → Connect's transforms and converters ({@link SourceRecords}) → the
 * topics each record names, created when missing ({@link TargetTopics}) → the node's pooled
 * idempotent producer ({@link BatchSend}, at most {@code max-in-flight-records} records unacknowledged)
 * → one {@link FlowProgress} per acknowledged poll, whose position is the source offset of its last
 * record. Stopping stops polling; records already polled are still written and checkpointed.
 *
 * <p>A new flow starts from an empty position ({@code {}}): the reader's beginning.
 */
public final class SourceFlowGraph implements FlowGraph {

  /** Where new topics get their partitions and replication factor (-1: the broker's defaults). */
  public record TopicDefaults(int partitions, short replicationFactor, String replicationFactorKey) {}

  private final ActorSystem<?> system;
  private final KafkaClients clients;
  private final String connector;
  private final int taskId;
  private final ClusterClientKey target;
  private final FlowSettings settings;
  private final ConnectSettings connect;
  private final TopicDefaults topicDefaults;
  private final Function<Position, SourceReader> readers;

  /** A graph whose reader {@code readers} opens at a position. */
  public SourceFlowGraph(ActorSystem<?> system, String connector, int taskId, ClusterClientKey target,
                         FlowSettings settings, ConnectSettings connect, TopicDefaults topicDefaults,
                         Function<Position, SourceReader> readers) {
    this.system = system;
    this.clients = KafkaClients.get(system);
    this.connector = connector;
    this.taskId = taskId;
    this.target = target;
    this.settings = settings;
    this.connect = connect;
    this.topicDefaults = topicDefaults;
    this.readers = readers;
  }

  @Override
  public CompletionStage<Position> startPosition(Position persisted, boolean movedByOperator) {
    return CompletableFuture.completedFuture(persisted != null ? persisted : new Position(Map.of()));
  }

  @Override
  public Source<FlowProgress, FlowControl> from(Position position) {
    SourceReader reader = readers.apply(position);
    ErrantRecords errants = new ErrantRecords(connector, taskId, connect.errors(), null,
        FerryMetrics.get(system).registry());
    SourceRecords conversion = new SourceRecords(connect, errants);
    Producer<byte[], byte[]> producer = clients.sharedProducer(target);
    TargetTopics topics = clients.targetTopics(target);
    int inFlight = Math.max(1, settings.maxInFlightRecords() / settings.maxBatchRecords());
    return Source.repeat(NotUsed.notUsed())
        .viaMat(KillSwitches.single(), Keep.right())
        .mapMaterializedValue(kill -> (FlowControl) kill::shutdown)
        .mapAsync(1, tick -> reader.poll())
        .filter(polled -> !polled.isEmpty())
        .mapAsync(1, conversion::convert)
        .mapAsync(1, outgoing -> topics.ensure(topicsOf(outgoing), topicDefaults.partitions(),
            topicDefaults.replicationFactor(), topicDefaults.replicationFactorKey()).thenApply(v -> outgoing))
        // Sent in order, acknowledged in order; on the Kafka dispatcher, as send() may block.
        .mapAsync(inFlight, outgoing -> BatchSend.send(producer, records(outgoing)).thenApply(offsets -> outgoing))
        .async(KafkaPartitionGraph.KAFKA_DISPATCHER)
        .map(outgoing -> {
          SourceRecord last = outgoing.get(outgoing.size() - 1).source();
          reader.committed(last);
          return progress(outgoing, last);
        })
        .watchTermination((control, done) -> {
          done.whenComplete((d, error) -> {
            try {
              reader.close();
            } finally {
              conversion.close();
            }
          });
          return control;
        });
  }

  private static FlowProgress progress(List<SourceRecords.Outgoing> outgoing, SourceRecord last) {
    long records = 0;
    long bytes = 0;
    long newest = 0;
    for (SourceRecords.Outgoing o : outgoing) {
      ProducerRecord<byte[], byte[]> r = o.record();
      if (r != null) {
        records++;
        bytes += (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        newest = Math.max(newest, r.timestamp() == null ? 0 : r.timestamp());
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> offset = (Map<String, Object>) last.sourceOffset();
    return new FlowProgress(new Position(offset == null ? Map.of() : offset), records, bytes, newest);
  }

  private static Set<String> topicsOf(List<SourceRecords.Outgoing> outgoing) {
    Set<String> topics = new HashSet<>();
    outgoing.forEach(o -> {
      if (o.record() != null) {
        topics.add(o.record().topic());
      }
    });
    return topics;
  }

  private static List<ProducerRecord<byte[], byte[]>> records(List<SourceRecords.Outgoing> outgoing) {
    List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(outgoing.size());
    outgoing.forEach(o -> {
      if (o.record() != null) {
        out.add(o.record());
      }
    });
    return out;
  }
}
