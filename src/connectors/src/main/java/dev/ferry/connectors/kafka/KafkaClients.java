package dev.ferry.connectors.kafka;

import dev.ferry.engine.spi.FlowControl;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.kafka.ProducerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's pool of Kafka clients, so a flow costs kilobytes instead of a client of its own.
 *
 * <p>Per node there is one {@link SharedConsumer} per source cluster (flows attach their
 * partition to it with a manual assignment; more lanes only when several flows read one partition,
 * see {@link ConsumerLanes}), one idempotent {@code acks=all} producer per target
 * cluster, and one admin client per cluster, each keyed by {@link ClusterClientKey}. Clients live
 * as long as the node; producers and admins are closed by a CoordinatedShutdown task that runs
 * after sharding has handed off (drained) every flow.
 */
public final class KafkaClients implements Extension {

  private static final Logger log = LoggerFactory.getLogger(KafkaClients.class);

  /** Extension id: {@code KafkaClients.get(system)}. */
  public static final class Id extends ExtensionId<KafkaClients> {
    @Override
    public KafkaClients createExtension(ActorSystem<?> system) {
      return new KafkaClients(system, KafkaSettings.create(system.settings().config()));
    }
  }

  private static final Id ID = new Id();

  /** The node's pool. */
  public static KafkaClients get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  private final ActorSystem<?> system;
  private final KafkaSettings settings;
  private final Map<ClusterClientKey, ConsumerLanes> consumers = new ConcurrentHashMap<>();
  private final Map<ClusterClientKey, PooledProducer> producers = new ConcurrentHashMap<>();
  private final Map<ClusterClientKey, Admin> admins = new ConcurrentHashMap<>();
  private final Map<String, TargetTopics> targetTopics = new ConcurrentHashMap<>();

  private KafkaClients(ActorSystem<?> system, KafkaSettings settings) {
    this.system = system;
    this.settings = settings;
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "close-kafka-clients", () -> {
          closeAll();
          return CompletableFuture.completedFuture(Done.getInstance());
        });
  }

  /**
   * A flow's source: the records of one partition of a source cluster from {@code offset}, in the
   * batches they were polled in, read
   * through the node's shared consumer of that cluster (created on first use). At most about
   * {@code bufferRecords} records plus one fetch wait in the flow before its partition pauses;
   * they are emitted in chunks of at most {@code maxChunk} records.
   */
  public Source<List<ConsumerRecord<byte[], byte[]>>, FlowControl> partitionSource(
      ClusterClientKey key, TopicPartition partition, long offset, int bufferRecords, int maxChunk) {
    return Source.fromGraph(new PartitionSource(lanes(key), partition, offset, bufferRecords, maxChunk));
  }

  private ConsumerLanes lanes(ClusterClientKey key) {
    return consumers.computeIfAbsent(key, k -> new ConsumerLanes(lane -> {
      Map<String, Object> props = new HashMap<>(settings.consumerDefaults());
      props.putAll(k.overrides());
      // Flows assign partitions manually at persisted offsets: no group, no auto commit.
      props.remove(ConsumerConfig.GROUP_ID_CONFIG);
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, k.bootstrapServers());
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      String name = "ferry-" + Integer.toHexString(k.hashCode()) + "-" + lane;
      props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
      log.info("Starting shared consumer {} (lane {}) for source cluster {}", name, lane, k.bootstrapServers());
      return new SharedConsumer(name, props, settings.pollTimeout(), () -> { });
    }));
  }

  /**
   * Producer settings bound to the shared producer of a target cluster. The producer is
   * idempotent with {@code acks=all}, whatever the overrides say: order and no loss come first.
   */
  public ProducerSettings<byte[], byte[]> producer(ClusterClientKey key) {
    return pooledProducer(key).settings();
  }

  /** The shared producer of a target cluster itself (idempotent, {@code acks=all}); never close it. */
  public Producer<byte[], byte[]> sharedProducer(ClusterClientKey key) {
    return pooledProducer(key).producer();
  }

  private PooledProducer pooledProducer(ClusterClientKey key) {
    return producers.computeIfAbsent(key, k -> {
      Map<String, String> props = new HashMap<>(settings.producerDefaults());
      props.putAll(k.overrides());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      ProducerSettings<byte[], byte[]> base =
          ProducerSettings.create(system, new ByteArraySerializer(), new ByteArraySerializer())
              .withBootstrapServers(k.bootstrapServers())
              .withProperties(props);
      log.info("Starting pooled producer for target cluster {}", k.bootstrapServers());
      // Never pipelined into a partition before the broker acknowledged a first record: see FirstWriteGate.
      Producer<byte[], byte[]> shared = new FirstWriteGate(base.createKafkaProducer(),
          system.dispatchers().lookup(DispatcherSelector.fromConfig("pekko.kafka.default-dispatcher")));
      return new PooledProducer(base.withProducer(shared).withCloseProducerOnStop(false), shared);
    });
  }

  /** The shared admin client of a cluster. */
  public Admin admin(ClusterClientKey key) {
    return admins.computeIfAbsent(key, k -> {
      Map<String, Object> props = new HashMap<>(settings.adminDefaults());
      props.putAll(k.overrides());
      props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, k.bootstrapServers());
      long timeoutMs = settings.adminTimeout().toMillis();
      props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
      props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(timeoutMs, 10_000)));
      return Admin.create(props);
    });
  }

  /**
   * {@code call} on {@code key}'s admin client, closing that client when the cluster refused its
   * credentials: a pooled admin client would otherwise reconnect and log the failure about once a
   * second forever. The next call (the connector's next discovery, which backs off) makes a new one.
   */
  public <T> CompletionStage<T> failingAdminClosed(ClusterClientKey key, CompletionStage<T> call) {
    return call.whenComplete((result, error) -> {
      for (Throwable cause = error; cause != null; cause = cause.getCause()) {
        if (cause instanceof org.apache.kafka.common.errors.AuthenticationException
            || cause instanceof org.apache.kafka.common.errors.AuthorizationException) {
          Admin admin = admins.remove(key);
          if (admin != null) {
            log.warn("Closing the admin client of {}: {}", key.bootstrapServers(), cause.toString());
            CompletableFuture.runAsync(() -> admin.close(Duration.ofSeconds(5)));
          }
          return;
        }
      }
    });
  }

  /** The topics known to exist on a cluster, and the creation of missing ones (see {@link TargetTopics}). */
  public TargetTopics targetTopics(ClusterClientKey key) {
    return targetTopics.computeIfAbsent(key.bootstrapServers(), servers -> new TargetTopics(admin(key), servers));
  }

  private record PooledProducer(ProducerSettings<byte[], byte[]> settings, Producer<byte[], byte[]> producer) {}

  private void closeAll() {
    producers.values().forEach(p -> p.producer().close(Duration.ofSeconds(10)));
    producers.clear();
    admins.values().forEach(a -> a.close(Duration.ofSeconds(5)));
    admins.clear();
    consumers.values().forEach(ConsumerLanes::close);
    consumers.clear();
  }
}
