package dev.ferry.connectors.connect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect's error handling at run time for one flow: a record that failed in some
 * {@link Stage} either fails the flow ({@code errors.tolerance=none}, with a {@link RecordFailure}
 * naming the record) or is tolerated ({@code all}): counted in {@code ferry_flow_record_errors_total},
 * logged when {@code errors.log.enable}, and written to the dead letter queue when
 * {@code errors.deadletterqueue.topic.name} is set — the original key, value and headers, plus
 * Connect's {@code __connect.errors.*} context headers when enabled. A tolerated record's position
 * still advances, but only once its dead letter is acknowledged: nothing disappears silently.
 */
public final class ErrantRecords {

  private static final Logger log = LoggerFactory.getLogger(ErrantRecords.class);

  /** Connect's dead letter context headers. */
  static final String HEADER_PREFIX = "__connect.errors.";

  /** Writes one dead letter; completes when the DLQ topic acknowledged it. */
  @FunctionalInterface
  public interface DeadLetterSink {
    CompletionStage<Void> send(ProducerRecord<byte[], byte[]> deadLetter);
  }

  private final String connector;
  private final int taskId;
  private final ErrorPolicy policy;
  private final DeadLetterSink deadLetters;
  private final Counters counters;

  /**
   * The error handling of one flow.
   *
   * @param deadLetters where dead letters go; null when the policy has no DLQ
   * @param registry    the node's meters
   */
  public ErrantRecords(String connector, int taskId, ErrorPolicy policy, DeadLetterSink deadLetters,
                       MeterRegistry registry) {
    this.connector = connector;
    this.taskId = taskId;
    this.policy = policy;
    this.deadLetters = deadLetters;
    this.counters = new Counters(registry, connector);
  }

  /** The policy. */
  public ErrorPolicy policy() {
    return policy;
  }

  /**
   * A record read from Kafka failed in {@code stage}: completes when it is tolerated (and its dead
   * letter durable), fails with a {@link RecordFailure} when it is not.
   *
   * @param className the converter, transform or writer class that failed (null if none)
   */
  public CompletionStage<Void> failed(ConsumerRecord<byte[], byte[]> original, Stage stage, String className,
                                      Throwable error) {
    String where = original.topic() + "-" + original.partition() + "@" + original.offset();
    if (!policy.tolerateAll()) {
      return CompletableFuture.failedFuture(new RecordFailure(where, stage, className, error));
    }
    counters.errors(stage).increment();
    if (policy.logErrors()) {
      log.error("Connector {} tolerated a failure of record {} in {}{}: {}", connector, where, stage,
          policy.logMessages() ? " (key " + text(original.key()) + ", value " + text(original.value()) + ")" : "",
          error.toString());
    }
    if (deadLetters == null || !policy.hasDeadLetterQueue()) {
      return CompletableFuture.completedFuture(null);
    }
    Headers headers = new RecordHeaders(original.headers().toArray());
    if (policy.contextHeaders()) {
      addContext(headers, original, stage, className, error);
    }
    ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(policy.deadLetterTopic(), null, original.key(),
        original.value(), headers);
    return deadLetters.send(letter).thenRun(counters.deadLetters::increment);
  }

  /**
   * A record that did not come from Kafka (a source's record) failed in {@code stage}: tolerated
   * (counted, logged; Connect writes no dead letters for sources) or failing the flow.
   */
  public CompletionStage<Void> failed(String where, Stage stage, String className, Throwable error) {
    if (!policy.tolerateAll()) {
      return CompletableFuture.failedFuture(new RecordFailure(where, stage, className, error));
    }
    counters.errors(stage).increment();
    if (policy.logErrors()) {
      log.error("Connector {} tolerated a failure of record {} in {}: {}", connector, where, stage, error.toString());
    }
    return CompletableFuture.completedFuture(null);
  }

  private void addContext(Headers headers, ConsumerRecord<byte[], byte[]> original, Stage stage, String className,
                          Throwable error) {
    put(headers, "topic", original.topic());
    put(headers, "partition", String.valueOf(original.partition()));
    put(headers, "offset", String.valueOf(original.offset()));
    put(headers, "connector.name", connector);
    put(headers, "task.id", String.valueOf(taskId));
    put(headers, "stage", stage.name());
    put(headers, "class.name", className == null ? "" : className);
    Throwable cause = error;
    put(headers, "exception.class.name", cause.getClass().getName());
    put(headers, "exception.message", String.valueOf(cause.getMessage()));
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    put(headers, "exception.stacktrace", trace.toString());
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(HEADER_PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(byte[] bytes) {
    if (bytes == null) {
      return "null";
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  /** The node's error meters of one connector (the registry hands every flow the same ones). */
  private static final class Counters {
    private final MeterRegistry registry;
    private final String connector;
    private final Counter deadLetters;

    Counters(MeterRegistry registry, String connector) {
      this.registry = registry;
      this.connector = connector;
      this.deadLetters = Counter.builder("ferry.flow.dead.letters").tag("connector", connector)
          .description("Tolerated records written to the dead letter queue.").register(registry);
    }

    Counter errors(Stage stage) {
      return Counter.builder("ferry.flow.record.errors").tag("connector", connector).tag("stage", stage.name())
          .description("Records that failed and were tolerated (errors.tolerance=all), by stage.").register(registry);
    }
  }
}
