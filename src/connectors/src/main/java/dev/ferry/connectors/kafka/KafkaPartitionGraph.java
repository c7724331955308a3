package dev.ferry.connectors.kafka;

import dev.ferry.engine.FlowSettings;
import dev.ferry.engine.flow.FlowControl;
import dev.ferry.engine.flow.FlowGraph;
import dev.ferry.engine.flow.FlowProgress;
import dev.ferry.engine.kafka.ClusterClientKey;
import dev.ferry.engine.kafka.KafkaClients;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.kafka.ProducerMessage;
import org.apache.pekko.kafka.ProducerSettings;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.kafka.javadsl.Producer;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The data path that copies one Kafka topic-partition to a topic of another cluster: the node's
 * pooled consumer (manually assigned at the flow's offset) → rename → the node's pooled
 * idempotent producer ({@code Producer.flexiFlow}, at most {@code max-in-flight-records}
 * unacknowledged) → one {@link FlowProgress} per acknowledged record, in source order.
 *
 * <p>Records stay bytes: key, value, headers and timestamp are copied untouched, into the same
 * partition number, so per-partition order and content are preserved exactly.
 */
public final class KafkaPartitionGraph implements FlowGraph {

  private final KafkaClients clients;
  private final ClusterClientKey source;
  private final ClusterClientKey target;
  private final TopicPartition partition;
  private final String targetTopic;
  private final FlowSettings flowSettings;

  /** A graph for one partition; nothing connects until {@link #from} is materialized. */
  public KafkaPartitionGraph(ActorSystem<?> system, ClusterClientKey source, ClusterClientKey target,
                             TopicPartition partition, String targetTopic, FlowSettings flowSettings) {
    this.clients = KafkaClients.get(system);
    this.source = source;
    this.target = target;
    this.partition = partition;
    this.targetTopic = targetTopic;
    this.flowSettings = flowSettings;
  }

  @Override
  public CompletionStage<Long> initialOffset() {
    return clients.admin(source).listOffsets(Map.of(partition, OffsetSpec.earliest()))
        .partitionResult(partition).toCompletionStage()
        .thenApply(info -> info.offset());
  }

  @Override
  public Source<FlowProgress, FlowControl> from(long offset) {
    ProducerSettings<byte[], byte[]> producer =
        clients.producer(target).withParallelism(flowSettings.maxInFlightRecords());
    return Consumer.<byte[], byte[]>plainExternalSource(
            clients.consumer(source), Subscriptions.assignmentWithOffset(partition, offset))
        // Control.stop() only completes the source's outlet and keeps the stage alive; the shared
        // consumer would then keep serving that stale stage and ignore the flow's next graph for
        // this partition. Shut the stage down as soon as its outlet is done.
        .watchTermination((control, completed) -> {
          completed.whenComplete((done, error) -> control.shutdown());
          return control;
        })
        .buffer(flowSettings.bufferRecords(), org.apache.pekko.stream.OverflowStrategy.backpressure())
        .map(this::toTarget)
        .via(Producer.flexiFlow(producer))
        .map(result -> result.passThrough())
        .mapMaterializedValue(control -> (FlowControl) control::stop);
  }

  private ProducerMessage.Envelope<byte[], byte[], FlowProgress> toTarget(ConsumerRecord<byte[], byte[]> record) {
    Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null;
    ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(
        targetTopic, record.partition(), timestamp, record.key(), record.value(), record.headers());
    long bytes = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
    return ProducerMessage.single(copy, new FlowProgress(record.offset() + 1, 1, bytes, Math.max(0, record.timestamp())));
  }
}
