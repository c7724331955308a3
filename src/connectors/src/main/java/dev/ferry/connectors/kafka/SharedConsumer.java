package dev.ferry.connectors.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka consumer shared by every flow of a node that reads the same source cluster, driven by
 * its own poll thread. Flows attach a {@link PartitionFeed} (manual assignment at the flow's
 * offset, no consumer group) and detach it when they stop.
 *
 * <p>Every assigned partition keeps fetching until its feed is full: the partition alone is paused
 * then, and resumed once its flow has drained half of it. Idle partitions cost nothing but a line
 * in the fetch request, and a busy flow never waits for another flow's request. Only the poll
 * thread touches the {@link KafkaConsumer}; attach, detach and resume are queued commands that
 * wake it. If the consumer fails, every feed fails (their flows restart with backoff) and
 * {@code onDeath} lets the pool create a new consumer.
 */
public final class SharedConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SharedConsumer.class);

  private final String name;
  private final Duration pollTimeout;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
  private final Map<TopicPartition, PartitionFeed> feeds = new HashMap<>(); // poll thread only
  private final Runnable onDeath;
  private final Thread thread;
  private volatile boolean running = true;

  SharedConsumer(String name, Map<String, Object> properties, Duration pollTimeout, Runnable onDeath) {
    this.name = name;
    this.pollTimeout = pollTimeout;
    this.onDeath = onDeath;
    this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::loop, "ferry-consumer-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts feeding {@code feed}'s partition from its start offset (replacing any earlier feed of it). */
  void attach(PartitionFeed feed) {
    command(() -> {
      feeds.put(feed.partition, feed);
      consumer.assign(feeds.keySet());
      consumer.seek(feed.partition, feed.startOffset);
      consumer.resume(List.of(feed.partition));
      log.debug("{} attached {} at offset {}", name, feed.partition, feed.startOffset);
    });
  }

  /** Stops feeding {@code feed}; its partition is unassigned unless a newer feed took it over. */
  void detach(PartitionFeed feed) {
    command(() -> {
      if (feeds.get(feed.partition) == feed) {
        feeds.remove(feed.partition);
        consumer.assign(feeds.keySet());
      }
    });
  }

  /** Lets a drained feed's partition fetch again. */
  void resume(PartitionFeed feed) {
    command(() -> {
      if (feeds.get(feed.partition) == feed) {
        consumer.resume(List.of(feed.partition));
      }
    });
  }

  /** Whether the poll thread still runs (a failed consumer is replaced by the pool). */
  boolean isRunning() {
    return running;
  }

  private void command(Runnable command) {
    if (!running) {
      throw new IllegalStateException("Consumer for " + name + " has stopped");
    }
    commands.add(command);
    consumer.wakeup();
  }

  private void loop() {
    Throwable failure = null;
    try {
      while (running) {
        for (Runnable command = commands.poll(); command != null; command = commands.poll()) {
          command.run();
        }
        if (feeds.isEmpty()) {
          // Nothing assigned: KafkaConsumer.poll would refuse; wait for an attach instead.
          Runnable next = commands.poll(pollTimeout.toMillis(), TimeUnit.MILLISECONDS);
          if (next != null) {
            next.run();
          }
          continue;
        }
        ConsumerRecords<byte[], byte[]> records;
        try {
          records = consumer.poll(pollTimeout);
        } catch (WakeupException wakeup) {
          continue; // a command is waiting
        }
        if (log.isTraceEnabled()) {
          log.trace("{} polled {} records, paused {}", name, records.count(), consumer.paused());
        }
        for (TopicPartition partition : records.partitions()) {
          PartitionFeed feed = feeds.get(partition);
          if (feed != null && feed.offer(records.records(partition))) {
            consumer.pause(List.of(partition));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      failure = e;
      log.error("Consumer for {} failed; its {} flow(s) restart on a new consumer", name, feeds.size(), e);
    } finally {
      running = false;
      Throwable cause = failure != null ? failure : new IllegalStateException("Consumer for " + name + " stopped");
      feeds.values().forEach(feed -> feed.fail(cause));
      feeds.clear();
      try {
        consumer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        log.debug("Closing consumer for {}: {}", name, e.toString());
      }
      onDeath.run();
    }
  }

  /** Stops the poll thread and closes the consumer. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
