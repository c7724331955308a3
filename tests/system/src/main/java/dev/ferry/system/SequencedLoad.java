package dev.ferry.system;

import dev.ferry.testkit.TopicData;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Continuous load on every partition of a source topic: record {@code n} of partition {@code p}
 * is {@link TopicData#record}, so the target can be reconciled sequence by sequence. Paced at a
 * fixed rate per partition by a background thread until {@link #stop()}, which flushes and
 * returns the number of acknowledged records.
 */
public final class SequencedLoad implements AutoCloseable {

  private final Thread thread;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile boolean running = true;

  private SequencedLoad(String bootstrap, String topic, int partitions, int recordsPerSecondPerPartition, int bytes) {
    thread = new Thread(() -> run(bootstrap, topic, partitions, recordsPerSecondPerPartition, bytes), "sequenced-load");
    thread.setDaemon(true);
  }

  /** Starts producing. */
  public static SequencedLoad start(String bootstrap, String topic, int partitions, int recordsPerSecondPerPartition,
                                    int bytes) {
    SequencedLoad load = new SequencedLoad(bootstrap, topic, partitions, recordsPerSecondPerPartition, bytes);
    load.thread.start();
    return load;
  }

  /** Records acknowledged by the source so far. */
  public long acknowledged() {
    return acknowledged.get();
  }

  /** Stops, flushes, and returns the acknowledged total; fails if any send failed. */
  public long stop() {
    running = false;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("the load producer failed", failure.get());
    }
    return acknowledged.get();
  }

  @Override
  public void close() {
    running = false;
  }

  private void run(String bootstrap, String topic, int partitions, int rate, int bytes) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    long tickMillis = 50;
    double perTick = rate * tickMillis / 1000.0;
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      long next = 0;
      double owed = 0;
      long tick = System.nanoTime();
      while (running) {
        owed += perTick;
        for (; owed >= 1; owed--, next++) {
          for (int p = 0; p < partitions; p++) {
            producer.send(TopicData.record(topic, p, next, bytes), (meta, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              } else {
                acknowledged.incrementAndGet();
              }
            });
          }
        }
        tick += tickMillis * 1_000_000;
        long wait = (tick - System.nanoTime()) / 1_000_000;
        if (wait > 0) {
          Thread.sleep(wait); // pacing the load generator, not waiting for a result
        }
      }
      producer.flush();
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
  }
}
