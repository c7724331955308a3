package dev.ferry.connectors.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/**
 * The pooled idempotent producer of a target cluster, made safe for partitions it has not written
 * yet: the first record it sends to such a partition goes alone, and every later record for that
 * partition (from any flow) waits until the broker has acknowledged it.
 *
 * <p>Why: a broker before Kafka 4.5 accepts any first sequence number from a producer it has no
 * state for on a partition (KAFKA-15591). When the first of several pipelined requests to a
 * partition created a moment ago fails with NOT_LEADER_OR_FOLLOWER (the leader has the partition in
 * its metadata but has not created its log yet) and the next request arrives once the log exists,
 * the broker appends the later batch first; the earlier one then fails with
 * OUT_OF_ORDER_SEQUENCE_NUMBER on every retry until {@code delivery.timeout.ms}, and the flow that
 * sent it restarts and copies its records again: the target partition gets them out of order and
 * twice. One acknowledged record gives the broker the producer's state, after which it checks every
 * sequence number and the producer's own retries keep the order. The same holds for a producer
 * whose state the broker dropped after {@code producer.id.expiration.ms} (one day by default) of
 * silence on a partition, so a partition this producer has not written for {@link #REPROBE_AFTER}
 * is treated as new again.
 *
 * <p>Cost: one round trip per partition when the producer first writes it (at node start, or when
 * a topic is created); after that a send is the producer's own plus a map lookup. Records without a
 * partition number pass straight through (Ferry always names the partition). If the first record
 * fails, the records queued behind it fail with the same error rather than being written after a
 * gap. Lives as long as the producer it wraps; {@link #close} closes that producer.
 */
public final class FirstWriteGate implements Producer<byte[], byte[]> {

  /** Well below the broker's default {@code producer.id.expiration.ms} of 24 h. */
  static final Duration REPROBE_AFTER = Duration.ofHours(1);

  private final Producer<byte[], byte[]> producer;
  private final Executor executor;
  private final Map<TopicPartition, PartitionWrites> partitions = new ConcurrentHashMap<>();

  /**
   * Wraps {@code producer}; records that waited for a first write are handed to it on
   * {@code executor} (never on the producer's own I/O thread, where a full buffer would deadlock).
   */
  public FirstWriteGate(Producer<byte[], byte[]> producer, Executor executor) {
    this.producer = producer;
    this.executor = executor;
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
    return send(record, null);
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
    if (record.partition() == null) {
      return producer.send(record, callback);
    }
    return partitions.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), tp -> new PartitionWrites())
        .send(record, callback);
  }

  /** Records that waited for a first write are handed to the producer before it flushes. */
  @Override
  public void flush() {
    producer.flush();
    awaitQueues();
    producer.flush();
  }

  @Override
  public void close() {
    close(Duration.ofMillis(Long.MAX_VALUE));
  }

  @Override
  public void close(Duration timeout) {
    producer.close(timeout);
  }

  @Override
  public List<PartitionInfo> partitionsFor(String topic) {
    return producer.partitionsFor(topic);
  }

  @Override
  public Map<MetricName, ? extends Metric> metrics() {
    return producer.metrics();
  }

  @Override
  public Uuid clientInstanceId(Duration timeout) {
    return producer.clientInstanceId(timeout);
  }

  @Override
  public void initTransactions() {
    throw new UnsupportedOperationException("the pooled producer is not transactional");
  }

  @Override
  public void beginTransaction() {
    throw new UnsupportedOperationException("the pooled producer is not transactional");
  }

  @Override
  public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, String consumerGroupId) {
    throw new UnsupportedOperationException("the pooled producer is not transactional");
  }

  @Override
  public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
    throw new UnsupportedOperationException("the pooled producer is not transactional");
  }

  @Override
  public void commitTransaction() {
    throw new UnsupportedOperationException("the pooled producer is not transactional");
  }

  @Override
  public void abortTransaction() {
    throw new UnsupportedOperationException("the pooled producer is not transactional");
  }

  private void awaitQueues() {
    // A drain never fails: a failed first write fails the records queued behind it.
    List<CompletableFuture<Void>> drains = new ArrayList<>();
    partitions.values().forEach(p -> drains.add(p.drained()));
    CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new)).join();
  }

  /** A record that waits for its partition's first write, and what its sender gets back. */
  private record Waiting(ProducerRecord<byte[], byte[]> record, Callback callback,
                         CompletableFuture<RecordMetadata> result) {}

  /**
   * One partition's writes: open (the producer has written it recently: records go straight to the
   * producer), or probing (one record in flight, the others queued in send order).
   */
  private final class PartitionWrites {
    private volatile boolean open;
    private volatile long lastSendNanos;
    private boolean probing;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private CompletableFuture<Void> drained = CompletableFuture.completedFuture(null);

    Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
      long now = System.nanoTime();
      if (open && now - lastSendNanos < REPROBE_AFTER.toNanos()) {
        lastSendNanos = now;
        return producer.send(record, callback);
      }
      synchronized (this) {
        if (open && now - lastSendNanos >= REPROBE_AFTER.toNanos()) {
          open = false;
        }
        if (open) {
          lastSendNanos = now;
          return producer.send(record, callback);
        }
        if (probing) {
          Waiting waiting = new Waiting(record, callback, new CompletableFuture<>());
          queue.add(waiting);
          return waiting.result();
        }
        probing = true;
        drained = new CompletableFuture<>();
        lastSendNanos = now;
        try {
          return producer.send(record, (metadata, error) -> {
            if (callback != null) {
              callback.onCompletion(metadata, error);
            }
            executor.execute(() -> firstWriteDone(error));
          });
        } catch (RuntimeException e) {
          firstWriteDone(e);
          throw e;
        }
      }
    }

    synchronized CompletableFuture<Void> drained() {
      return drained;
    }

    /** Hands the queued records to the producer in order (or fails them all), then opens the partition. */
    private synchronized void firstWriteDone(Exception error) {
      probing = false;
      while (!queue.isEmpty()) {
        Waiting waiting = queue.poll();
        if (error != null) {
          fail(waiting, error);
          continue;
        }
        try {
          producer.send(waiting.record(), (metadata, sendError) -> {
            if (waiting.callback() != null) {
              waiting.callback().onCompletion(metadata, sendError);
            }
            if (sendError == null) {
              waiting.result().complete(metadata);
            } else {
              waiting.result().completeExceptionally(sendError);
            }
          });
        } catch (RuntimeException e) {
          fail(waiting, e);
        }
      }
      open = error == null;
      lastSendNanos = System.nanoTime();
      drained.complete(null);
    }

    private void fail(Waiting waiting, Exception error) {
      if (waiting.callback() != null) {
        waiting.callback().onCompletion(null, error);
      }
      waiting.result().completeExceptionally(error);
    }
  }
}
