package dev.ferry.node;

import dev.ferry.engine.TargetState;
import dev.ferry.engine.connector.ConnectorException;
import dev.ferry.engine.connector.ConnectorService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The embedded demo's job: sample topics on the local source cluster, a replicator connector
 * ({@value #CONNECTOR}) that copies {@code demo.*} to {@code demo.*.replica} on the target, and
 * steady keyed traffic with headers into the source until the node stops.
 */
public final class DemoWorkload {

  /** Name of the sample connector. */
  public static final String CONNECTOR = "demo-replicator";
  /** Sample topics and their partition counts. */
  public static final Map<String, Integer> TOPICS = Map.of("demo.orders", 6, "demo.payments", 3);

  private final AtomicLong produced = new AtomicLong();

  /** Records the demo has produced into the source so far. */
  public long produced() {
    return produced.get();
  }

  /** Creates the topics and the connector (if missing) and starts the traffic. */
  public void start(ActorSystem<?> system, ConnectorService service, String sourceBootstrap, int recordsPerSecond)
      throws InterruptedException, ExecutionException {
    createTopics(sourceBootstrap);
    createConnector(service, sourceBootstrap);
    startTraffic(system, sourceBootstrap, recordsPerSecond);
  }

  private static void createTopics(String bootstrap) throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      List<NewTopic> topics = TOPICS.entrySet().stream()
          .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList();
      try {
        admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("Local source cluster did not create the demo topics in time", e);
      }
    }
  }

  /** The sample connector config, as an operator would POST it. */
  public static Map<String, String> connectorConfig(String sourceBootstrap) {
    return Map.of(
        "connector.class", "EMRReplicatorSourceConnector",
        "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
        "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
        "src.kafka.bootstrap.servers", sourceBootstrap,
        "topic.regex", "demo\\.(orders|payments)",
        "topic.rename.format", "${topic}.replica",
        "src.kafka.max.poll.records", "500");
  }

  private static void createConnector(ConnectorService service, String sourceBootstrap) {
    try {
      service.create(CONNECTOR, connectorConfig(sourceBootstrap), TargetState.RUNNING).toCompletableFuture().join();
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof ConnectorException ce && ce.kind() == ConnectorException.Kind.ALREADY_EXISTS)) {
        throw e;
      }
    }
  }

  private void startTraffic(ActorSystem<?> system, String bootstrap, int recordsPerSecond) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    int perTick = Math.max(1, recordsPerSecond / 10);
    List<String> topics = TOPICS.keySet().stream().sorted().toList();
    var cancellable = Source.tick(Duration.ZERO, Duration.ofMillis(100), Done.getInstance())
        .to(org.apache.pekko.stream.javadsl.Sink.foreach(tick -> {
          for (int i = 0; i < perTick; i++) {
            long n = produced.incrementAndGet();
            String topic = topics.get((int) (n % topics.size()));
            String key = "customer-" + ThreadLocalRandom.current().nextInt(1000);
            String value = "{\"seq\":" + n + ",\"amount\":" + ThreadLocalRandom.current().nextInt(10_000) + "}";
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
            record.headers().add("origin", "ferry-demo".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
          }
        }))
        .run(system);
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "stop-demo-traffic", () -> {
      cancellable.cancel();
      producer.close(Duration.ofSeconds(5));
      return CompletableFuture.completedFuture(Done.getInstance());
    });
  }
}
