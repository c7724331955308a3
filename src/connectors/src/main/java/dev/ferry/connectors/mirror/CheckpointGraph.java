package dev.ferry.connectors.mirror;

import dev.ferry.engine.FlowSettings;
import dev.ferry.engine.spi.FlowControl;
import dev.ferry.engine.spi.FlowProgress;
import dev.ferry.engine.spi.Position;
import dev.ferry.connectors.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow of a MirrorCheckpointConnector: it reads the offset-syncs topic from its start into
 * per-partition {@link OffsetIndex}es, and every {@code emit.checkpoints.interval.seconds} runs a
 * {@link CheckpointRound} and writes the checkpoints that changed to
 * {@code <sourceAlias>.checkpoints.internal} on the target; with {@code sync.group.offsets.enabled}
 * it also commits them to idle target groups ({@link GroupOffsetSync}). Syncs and rounds go
 * through one {@code mapAsync(1)} stage, so the indexes are only ever touched by one element at a
 * time. Its progress counts rounds; after a restart it rebuilds everything from the topics.
 */
final class CheckpointGraph extends PeriodicMirrorGraph {

  private static final Logger log = LoggerFactory.getLogger(CheckpointGraph.class);

  private enum Tick { INSTANCE }

  private final FlowSettings flowSettings;
  private final String connector;

  CheckpointGraph(KafkaClients clients, MirrorConfig config, FlowSettings flowSettings, String connector) {
    super(clients, config);
    this.flowSettings = flowSettings;
    this.connector = connector;
  }

  @Override
  public Source<FlowProgress, FlowControl> from(Position position) {
    long offset = count(position);
    Duration interval = config.emitCheckpoints().orElse(Duration.ofSeconds(60));
    Rounds rounds = new Rounds(offset);
    var syncsCluster = config.offsetSyncsOnSource() ? config.clusters().sourceConsumer()
        : config.clusters().targetConsumer();
    Source<Object, FlowControl> syncs = clients.partitionSource(syncsCluster,
            new TopicPartition(config.offsetSyncsTopic(), 0), 0L, flowSettings.bufferRecords(),
            flowSettings.maxBatchRecords())
        .map(batch -> (Object) batch);
    return syncs
        .merge(Source.tick(interval, interval, Tick.INSTANCE), true)
        .mapAsync(1, element -> element == Tick.INSTANCE ? rounds.run()
            : CompletableFuture.completedFuture(rounds.index(element)))
        .filter(Optional::isPresent)
        .map(Optional::get);
  }

  /** The state of one materialization: indexes, checkpoints already written, round counter. */
  private final class Rounds {

    private final Map<TopicPartition, OffsetIndex> indexes = new HashMap<>();
    private final Map<String, Checkpoint> written = new HashMap<>();
    private final MirrorTopicFilter topics = new MirrorTopicFilter(config);
    private final Producer<byte[], byte[]> producer = clients.sharedProducer(config.clusters().targetProducer());
    private long next;
    private long lastGroupSync;

    Rounds(long offset) {
      this.next = offset;
    }

    @SuppressWarnings("unchecked")
    Optional<FlowProgress> index(Object batch) {
      for (ConsumerRecord<byte[], byte[]> record : (List<ConsumerRecord<byte[], byte[]>>) batch) {
        if (record.key() == null || record.value() == null) {
          continue;
        }
        OffsetSync sync = OffsetSync.read(record.key(), record.value());
        indexes.computeIfAbsent(new TopicPartition(sync.topic(), sync.partition()), tp -> new OffsetIndex())
            .add(sync.upstreamOffset(), sync.downstreamOffset());
      }
      return Optional.empty();
    }

    CompletionStage<Optional<FlowProgress>> run() {
      return CheckpointRound.run(clients.admin(config.clusters().sourceAdmin()), config, topics, indexes)
          .thenCompose(checkpoints -> write(changed(checkpoints)).thenCompose(count -> syncGroups(checkpoints)
              .thenApply(v -> Optional.of(new FlowProgress(Position.of(COUNT, ++next), count, 0, System.currentTimeMillis())))));
    }

    private List<Checkpoint> changed(List<Checkpoint> checkpoints) {
      List<Checkpoint> out = new ArrayList<>();
      for (Checkpoint c : checkpoints) {
        String key = c.group() + '\u0000' + c.topic() + '\u0000' + c.partition();
        if (!c.equals(written.get(key))) {
          out.add(c);
        }
      }
      return out;
    }

    private CompletionStage<Integer> write(List<Checkpoint> checkpoints) {
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (Checkpoint c : checkpoints) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(config.checkpointsTopic(), 0, c.key(), c.value()), (metadata, error) -> {
          if (error == null) {
            acked.complete(null);
          } else {
            acked.completeExceptionally(error);
          }
        });
        sent.add(acked);
      }
      return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(v -> {
        checkpoints.forEach(c -> written.put(c.group() + '\u0000' + c.topic() + '\u0000' + c.partition(), c));
        return checkpoints.size();
      });
    }

    private CompletionStage<Void> syncGroups(List<Checkpoint> checkpoints) {
      Optional<Duration> every = config.syncGroupOffsets();
      long now = System.nanoTime();
      if (every.isEmpty() || now - lastGroupSync < every.get().toNanos()) {
        return CompletableFuture.completedFuture(null);
      }
      lastGroupSync = now;
      return GroupOffsetSync.commit(clients.admin(config.clusters().targetAdmin()), checkpoints)
          .handle((count, error) -> {
            if (error != null) {
              // A consumer joined meanwhile, or the target is busy: the next round tries again.
              log.info("Connector {} could not commit translated group offsets: {}", connector, error.toString());
            } else if (count > 0) {
              log.debug("Connector {} committed {} translated group offset(s)", connector, count);
            }
            return null;
          });
    }
  }
}
