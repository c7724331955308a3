package dev.ferry.it;

import dev.ferry.testkit.TopicData;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Keeps a broker busy: a background producer writes 1 KB records into a topic of its own as fast
 * as the broker takes them, until {@link #stop()}. For tests whose subject is what a loaded broker
 * does (creating partitions' logs late, for one).
 */
final class TargetLoad implements AutoCloseable {

  private static final int PARTITIONS = 12;

  private final Thread thread;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile boolean running = true;

  private TargetLoad(String bootstrap, String topic) {
    thread = new Thread(() -> run(bootstrap, topic), "target-load");
    thread.setDaemon(true);
  }

  /** Creates {@code topic} on the cluster and starts writing into it. */
  static TargetLoad start(String bootstrap, String topic) {
    TopicData.createTopic(bootstrap, topic, PARTITIONS);
    TargetLoad load = new TargetLoad(bootstrap, topic);
    load.thread.start();
    return load;
  }

  /** Stops the load; the number of records the broker acknowledged. Fails if a write failed. */
  long stop() {
    running = false;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("the background load failed", failure.get());
    }
    return acknowledged.get();
  }

  @Override
  public void close() {
    running = false;
  }

  private void run(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long n = 0; running; n++) {
        // send() blocks once buffer.memory is full: the pace is the broker's.
        producer.send(TopicData.record(topic, (int) (n % PARTITIONS), n, 1000), (meta, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          } else {
            acknowledged.incrementAndGet();
          }
        });
      }
      producer.flush();
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
  }
}
