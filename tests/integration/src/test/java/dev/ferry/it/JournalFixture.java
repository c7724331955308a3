package dev.ferry.it;

import dev.ferry.testkit.TopicData;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the journal fixture's source topics hold, so a later test can produce the same records again. */
final class JournalFixture {

  private JournalFixture() {}

  /** Produces records {@code from..from+count-1} of {@link TopicData#record} into one partition. */
  static void produce(String bootstrap, String topic, int partition, long from, long count) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long n = from; n < from + count; n++) {
        producer.send(TopicData.record(topic, partition, n, 64));
      }
      producer.flush();
    }
  }
}
