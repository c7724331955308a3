package dev.ferry.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes numbered test records into a topic and reads topics back as per-partition digests, so a
 * test can prove a target holds exactly the source's records: same count, same order, same bytes
 * (key, value, headers, timestamp), and name every lost or duplicated record.
 *
 * <p>Record {@code n} of partition {@code p}: key {@code k-p-n}, value starting {@code p:n;} padded
 * to the requested size, headers {@code seq=n} and {@code origin=ferry-test}, timestamp
 * {@code BASE_TS + n}.
 */
public final class TopicData {

  /**
   * Timestamp of record 0: an hour before this JVM started. Recent on purpose: records older than
   * the brokers' retention (7 days) would be deleted by the first retention check, 30 s after a
   * broker starts.
   */
  public static final long BASE_TS = (System.currentTimeMillis() / 1000 - 3600) * 1000;

  private TopicData() {}

  /** Creates a topic (replication factor 1). */
  public static void createTopic(String bootstrap, String topic, int partitions) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
      awaitLeaders(admin, topic, partitions);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topic " + topic + ": " + e, e);
    }
  }

  /** Adds partitions to a topic. */
  public static void growTopic(String bootstrap, String topic, int partitions) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createPartitions(Map.of(topic, org.apache.kafka.clients.admin.NewPartitions.increaseTo(partitions)))
          .all().get(30, TimeUnit.SECONDS);
      awaitLeaders(admin, topic, partitions);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot grow topic " + topic + ": " + e, e);
    }
  }

  /**
   * Waits until every partition has a leader that serves it (answers ListOffsets: its log exists).
   * Producing earlier can make the broker append an idempotent producer's second batch before its
   * first one, which then fails with OUT_OF_ORDER_SEQUENCE_NUMBER until it expires (KAFKA-15591).
   */
  private static void awaitLeaders(Admin admin, String topic, int partitions) {
    Await.until(Duration.ofSeconds(30), () -> {
      try {
        var d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        if (d.partitions().size() < partitions
            || !d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          return false;
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        d.partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS);
        return true;
      } catch (InterruptedException | ExecutionException | TimeoutException e) {
        return false;
      }
    }, () -> "every partition of " + topic + " has a leader that serves it");
  }

  /**
   * Produces records {@code from..from+count-1} into each of {@code partitions}, synchronously
   * (returns when every record is acknowledged).
   */
  public static void produce(String bootstrap, String topic, int partitions, long from, long count, int valueBytes) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long n = from; n < from + count; n++) {
        for (int p = 0; p < partitions; p++) {
          producer.send(record(topic, p, n, valueBytes), (meta, error) -> {
            if (error != null) {
              failed.compareAndSet(null, error);
            }
          });
        }
      }
      producer.flush();
    }
    if (failed.get() != null) {
      throw new IllegalStateException("producing test records into " + topic + " failed: " + failed.get(), failed.get());
    }
  }

  /** Record {@code n} of partition {@code p}. */
  public static ProducerRecord<byte[], byte[]> record(String topic, int p, long n, int valueBytes) {
    byte[] prefix = (p + ":" + n + ";").getBytes(StandardCharsets.US_ASCII);
    byte[] value = new byte[Math.max(valueBytes, prefix.length)];
    System.arraycopy(prefix, 0, value, 0, prefix.length);
    for (int i = prefix.length; i < value.length; i++) {
      value[i] = (byte) ('a' + (n + i) % 26);
    }
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, p, BASE_TS + n,
        ("k-" + p + "-" + n).getBytes(StandardCharsets.US_ASCII), value);
    record.headers().add("seq", Long.toString(n).getBytes(StandardCharsets.US_ASCII));
    record.headers().add("origin", "ferry-test".getBytes(StandardCharsets.US_ASCII));
    return record;
  }

  /**
   * One partition read back: record count, a SHA-256 over every record's key, value, headers and
   * timestamp in order, and the sequence numbers in order.
   */
  public record PartitionDigest(long count, String sha256, long[] sequence) {
    /** Sequence numbers that appear more than once. */
    public long duplicates() {
      return count - java.util.Arrays.stream(sequence).distinct().count();
    }
  }

  /** Reads every partition of a topic from the beginning to its current end. */
  public static Map<Integer, PartitionDigest> digest(String bootstrap, String topic, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(topic, timeout).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      Map<Integer, MessageDigest> digests = new HashMap<>();
      Map<Integer, List<Long>> sequences = new HashMap<>();
      partitions.forEach(tp -> {
        digests.put(tp.partition(), sha256());
        sequences.put(tp.partition(), new ArrayList<>());
      });
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          update(digests.get(r.partition()), r);
          sequences.get(r.partition()).add(sequenceOf(r.value()));
        }
      }
      Map<Integer, PartitionDigest> out = new HashMap<>();
      digests.forEach((p, d) -> out.put(p, new PartitionDigest(sequences.get(p).size(),
          java.util.HexFormat.of().formatHex(d.digest()),
          sequences.get(p).stream().mapToLong(Long::longValue).toArray())));
      return out;
    }
  }

  /** Total records of a topic's digests. */
  public static long total(Map<Integer, PartitionDigest> digests) {
    return digests.values().stream().mapToLong(PartitionDigest::count).sum();
  }

  private static long sequenceOf(byte[] value) {
    String head = new String(value, 0, Math.min(value.length, 40), StandardCharsets.US_ASCII);
    int colon = head.indexOf(':');
    int semi = head.indexOf(';');
    if (colon < 0 || semi < colon) {
      return -1;
    }
    return Long.parseLong(head.substring(colon + 1, semi));
  }

  private static void update(MessageDigest d, ConsumerRecord<byte[], byte[]> r) {
    d.update(ByteBuffer.allocate(8).putLong(r.timestamp()).array());
    updateBytes(d, r.key());
    updateBytes(d, r.value());
    for (Header h : r.headers()) {
      updateBytes(d, h.key().getBytes(StandardCharsets.UTF_8));
      updateBytes(d, h.value());
    }
  }

  private static void updateBytes(MessageDigest d, byte[] bytes) {
    if (bytes == null) {
      d.update(ByteBuffer.allocate(4).putInt(-1).array());
    } else {
      d.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      d.update(bytes);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
