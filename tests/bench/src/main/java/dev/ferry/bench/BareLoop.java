package dev.ferry.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: the simplest correct copy loop with kafka-clients alone — one consumer assigned to
 * every partition, one idempotent acks=all producer with the same batching settings Ferry uses,
 * poll → send → (at the end) flush. No checkpointing at all, so it is an upper bound. Timed from the
 * first record polled to the last one acknowledged.
 */
final class BareLoop {

  private BareLoop() {}

  /** Copies every record of {@code topic} into {@code targetTopic}; returns nanoseconds from the first record to the flush. */
  static long copy(String source, String target, String topic, int partitions, String targetTopic, long expected,
                   Map<String, String> producerSettings) {
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "52428800");
    c.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, "1048576");
    Properties p = new Properties();
    p.putAll(producerSettings);
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    long start = 0;
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
         KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      for (int i = 0; i < partitions; i++) {
        tps.add(new TopicPartition(topic, i));
      }
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      long consumed = 0;
      while (consumed < expected) {
        var polled = consumer.poll(Duration.ofMillis(100));
        if (start == 0 && !polled.isEmpty()) {
          start = System.nanoTime();
        }
        for (ConsumerRecord<byte[], byte[]> r : polled) {
          producer.send(new ProducerRecord<>(targetTopic, r.partition(), r.timestamp(), r.key(), r.value(), r.headers()),
              (meta, error) -> {
                if (error != null) {
                  failure.compareAndSet(null, error);
                } else {
                  acked.incrementAndGet();
                }
              });
          consumed++;
        }
      }
      producer.flush();
    }
    if (failure.get() != null || acked.get() != expected) {
      throw new IllegalStateException("bare loop failed: acked " + acked.get() + " of " + expected, failure.get());
    }
    return System.nanoTime() - start;
  }
}
