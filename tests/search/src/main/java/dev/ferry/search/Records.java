package dev.ferry.search;

import java.util.Properties;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test records: string keys and JSON string values, produced with acks=all and idempotence. */
public final class Records {

  private Records() {}

  /**
   * Produces {@code count} records numbered 0..count-1 round-robin over {@code partitions}
   * partitions (record {@code n} to partition {@code n % partitions}).
   */
  public static void produce(String bootstrap, String topic, int partitions, long count, LongFunction<String> key,
                      LongFunction<String> value) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
        new StringSerializer())) {
      for (long n = 0; n < count; n++) {
        producer.send(new ProducerRecord<>(topic, (int) (n % partitions), key.apply(n), value.apply(n)));
      }
      producer.flush();
    }
  }
}
