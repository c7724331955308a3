package dev.ferry.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** MirrorMaker 2 connector configs in the shape of seed 001's JSON files, and topic helpers. */
final class Mm2 {

  private Mm2() {}

  /** A source connector between two aliases for a one-broker test cluster (replication factors 1). */
  static Map<String, String> source(String sourceAlias, String sourceServers, String targetAlias, String targetServers,
                                    String topics) {
    Map<String, String> c = new HashMap<>();
    c.put("connector.class", "MirrorSourceConnector");
    c.put("source.cluster.alias", sourceAlias);
    c.put("target.cluster.alias", targetAlias);
    c.put("source.cluster.bootstrap.servers", sourceServers);
    c.put("target.cluster.bootstrap.servers", targetServers);
    c.put("topics", topics);
    c.put("replication.factor", "1");
    c.put("offset-syncs.topic.replication.factor", "1");
    c.put("refresh.topics.interval.seconds", "1");
    c.put("sync.topic.configs.interval.seconds", "2");
    return c;
  }

  /** Topic names of a cluster. */
  static Set<String> topics(String bootstrap) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot list topics of " + bootstrap, e);
    }
  }

  /** Every record of a topic's partition from the start to the current end (read_committed). */
  static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, TopicPartition tp) {
    Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", "false",
        "isolation.level", "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (consumer.position(tp) < end) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + tp + " to its end " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }

  /** The sequence number TopicData wrote into a record's {@code seq} header. */
  static long seq(ConsumerRecord<byte[], byte[]> record) {
    return Long.parseLong(new String(record.headers().lastHeader("seq").value(), java.nio.charset.StandardCharsets.US_ASCII));
  }
}
