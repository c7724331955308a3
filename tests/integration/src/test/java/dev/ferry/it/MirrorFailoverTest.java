package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.mirror.MirrorClient;
import org.apache.kafka.connect.mirror.RemoteClusterUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Consumer-group failover: a group consumes K of N records on the source and commits; after
 * checkpoints, a consumer with the same group id on the target reads exactly the records after
 * those K. The source partition is shifted (records deleted below offset 100) and holds
 * transactions (commit markers take offsets), so source and target offsets differ and have gaps.
 * MM2's own client library ({@code RemoteClusterUtils}, {@code MirrorClient}) reads Ferry's
 * checkpoints; the test also reports how many records MM2's translation rule would re-read.
 */
@Timeout(240)
class MirrorFailoverTest extends MirrorTestBase {

  private static final String TOPIC = "fo.orders";
  private static final String REMOTE = "fsrc.fo.orders";
  private static final String GROUP = "billing";
  private static final TopicPartition SOURCE_TP = new TopicPartition(TOPIC, 0);
  private static final TopicPartition TARGET_TP = new TopicPartition(REMOTE, 0);
  private static final int K = 437;

  @Test
  void groupSwitchingToTheTargetResumesAtItsFirstUnconsumedRecord() throws Exception {
    TopicData.createTopic(source(), TOPIC, 1);
    TopicData.produce(source(), TOPIC, 1, 0, 200, 100);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", source()))) {
      admin.deleteRecords(Map.of(SOURCE_TP, RecordsToDelete.beforeOffset(100))).all().get(30, TimeUnit.SECONDS);
    }
    produceTransactions(200, 3, 100);
    TopicData.produce(source(), TOPIC, 1, 500, 500, 100);
    List<ConsumerRecord<byte[], byte[]>> sourceRecords = Mm2.readAll(source(), SOURCE_TP);
    int n = sourceRecords.size();
    assertEquals(900, n, "100 + 300 transactional + 500 records on the source");

    long committed = consumeAndCommit(K);
    assertEquals(sourceRecords.get(K).offset(), committed, "the group's next record is the K+1-th");

    Map<String, String> mirror = Mm2.source("fsrc", source(), "fdst", target(), "fo\\..*");
    api.create("fo-source", mirror);
    Map<String, String> checkpoints = new HashMap<>(mirror);
    checkpoints.put("connector.class", "org.apache.kafka.connect.mirror.MirrorCheckpointConnector");
    checkpoints.put("checkpoints.topic.replication.factor", "1");
    checkpoints.put("emit.checkpoints.interval.seconds", "1");
    checkpoints.put("sync.group.offsets.enabled", "true");
    checkpoints.put("sync.group.offsets.interval.seconds", "1");
    checkpoints.put("groups", "billing");
    api.create("fo-checkpoints", checkpoints);

    Await.until(Duration.ofSeconds(90), () -> Mm2.readAll(target(), TARGET_TP).size() == n,
        () -> "all " + n + " records replicated; " + status("fo-source"));
    List<ConsumerRecord<byte[], byte[]>> targetRecords = Mm2.readAll(target(), TARGET_TP);
    long exactTarget = targetRecords.get(K).offset();

    Map<String, Object> targetClient = Map.of("bootstrap.servers", target());
    Await.until(Duration.ofSeconds(60), () -> {
      Map<TopicPartition, OffsetAndMetadata> translated = translateWithMm2Client(targetClient);
      return translated.containsKey(TARGET_TP) && translated.get(TARGET_TP).offset() == exactTarget;
    }, () -> "RemoteClusterUtils.translateOffsets gives " + exactTarget + "; " + status("fo-checkpoints"));
    MirrorClient client = new MirrorClient(targetClient);
    try {
      assertEquals(exactTarget, client.remoteConsumerOffsets(GROUP, "fsrc", Duration.ofSeconds(10)).get(TARGET_TP).offset(),
          "MirrorClient reads the same checkpoint");
      assertTrue(client.checkpointTopics().contains("fsrc.checkpoints.internal"), "MirrorClient finds the checkpoints topic");
    } finally {
      client.close();
    }

    try (Admin admin = Admin.create(targetClient)) {
      Await.until(Duration.ofSeconds(60), () -> {
        OffsetAndMetadata offset = targetGroupOffset(admin);
        return offset != null && offset.offset() == exactTarget;
      }, () -> "sync.group.offsets committed " + exactTarget + " to the target group");
    }

    List<Long> resumed = consumeOnTarget(n - K);
    List<Long> expected = new ArrayList<>();
    sourceRecords.subList(K, n).forEach(r -> expected.add(Mm2.seq(r)));
    List<Long> consumedBefore = new ArrayList<>();
    sourceRecords.subList(0, K).forEach(r -> consumedBefore.add(Mm2.seq(r)));
    long reread = resumed.stream().filter(consumedBefore::contains).count();
    assertEquals(expected, resumed, "the target consumer reads exactly records K+1..N, in order");

    long[] up = sourceRecords.stream().mapToLong(ConsumerRecord::offset).toArray();
    long[] down = targetRecords.stream().mapToLong(ConsumerRecord::offset).toArray();
    long mm2Target = Mm2TranslationRule.translate(Mm2TranslationRule.syncs(up, down, 100), committed);
    long mm2Reread = exactTarget - mm2Target;
    System.out.println("failover re-read ferry=" + reread + " mm2_rule=" + mm2Reread
        + " (N=" + n + " K=" + K + " committed_upstream=" + committed + " ferry_downstream=" + exactTarget
        + " mm2_downstream=" + mm2Target + ")");
    assertEquals(0, reread, "Ferry's translation re-reads nothing");
  }

  private static Map<TopicPartition, OffsetAndMetadata> translateWithMm2Client(Map<String, Object> targetClient) {
    try {
      return RemoteClusterUtils.translateOffsets(targetClient, "fsrc", GROUP, Duration.ofSeconds(10));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetAndMetadata targetGroupOffset(Admin admin) {
    try {
      return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(TARGET_TP);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void produceTransactions(long from, int transactions, int perTransaction) {
    Properties props = new Properties();
    props.put("bootstrap.servers", source());
    props.put("transactional.id", "fo-test-tx");
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      long n = from;
      for (int t = 0; t < transactions; t++) {
        producer.beginTransaction();
        for (int i = 0; i < perTransaction; i++) {
          producer.send(TopicData.record(TOPIC, 0, n++, 100));
        }
        producer.commitTransaction();
      }
    }
  }

  /** A source consumer of the group reads {@code count} records and commits where it stopped. */
  private static long consumeAndCommit(int count) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(source(), "earliest")) {
      consumer.assign(List.of(SOURCE_TP));
      consumer.seekToBeginning(List.of(SOURCE_TP));
      List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (read.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (read.size() < count) {
            read.add(r);
          }
        }
      }
      assertEquals(count, read.size(), "the source consumer read K records");
      long next = read.get(count - 1).offset() + 1;
      consumer.commitSync(Map.of(SOURCE_TP, new OffsetAndMetadata(next, "k=" + count)));
      return next;
    }
  }

  /** The failed-over consumer: the same group on the target, from its committed offset. */
  private static List<Long> consumeOnTarget(int expected) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(target(), "none")) {
      consumer.subscribe(List.of(REMOTE));
      List<Long> seqs = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (seqs.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> seqs.add(Mm2.seq(r)));
      }
      return seqs;
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String reset) {
    Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "group.id", GROUP,
        "enable.auto.commit", "false", "auto.offset.reset", reset, "isolation.level", "read_committed");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
