package dev.ferry.connectors.connect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A connector's error handling, as Kafka Connect's {@code errors.*} keys configure it.
 *
 * @param tolerateAll        {@code errors.tolerance=all}: skip records that fail conversion,
 *                           transformation or writing (counted, logged, sent to the DLQ); {@code none}
 *                           (the default) fails the flow on the first one
 * @param retryTimeout       {@code errors.retry.timeout}: how long a retriable failure is retried
 *                           (0: not at all, negative: forever)
 * @param retryDelayMax      {@code errors.retry.delay.max.ms}: the longest wait between retries
 * @param logErrors          {@code errors.log.enable}: log each tolerated failure at ERROR
 * @param logMessages        {@code errors.log.include.messages}: include the record's coordinates
 *                           and content in that log line
 * @param deadLetterTopic    {@code errors.deadletterqueue.topic.name}: where tolerated records go
 *                           (empty: nowhere)
 * @param deadLetterReplicationFactor {@code errors.deadletterqueue.topic.replication.factor}
 * @param contextHeaders     {@code errors.deadletterqueue.context.headers.enable}: add Connect's
 *                           {@code __connect.errors.*} headers to dead letters
 */
public record ErrorPolicy(boolean tolerateAll, Duration retryTimeout, Duration retryDelayMax, boolean logErrors,
                          boolean logMessages, String deadLetterTopic, short deadLetterReplicationFactor,
                          boolean contextHeaders) {

  static final String TOLERANCE = "errors.tolerance";
  static final String RETRY_TIMEOUT = "errors.retry.timeout";
  static final String RETRY_DELAY_MAX = "errors.retry.delay.max.ms";
  static final String LOG_ENABLE = "errors.log.enable";
  static final String LOG_MESSAGES = "errors.log.include.messages";
  /** The dead letter queue topic key. */
  public static final String DLQ_TOPIC = "errors.deadletterqueue.topic.name";
  /** The dead letter queue topic's replication factor key. */
  public static final String DLQ_REPLICATION_FACTOR = "errors.deadletterqueue.topic.replication.factor";
  static final String DLQ_HEADERS = "errors.deadletterqueue.context.headers.enable";

  /** Connect's defaults: fail on the first error, no retries, no log, no DLQ. */
  public static ErrorPolicy failFast() {
    return new ErrorPolicy(false, Duration.ZERO, Duration.ofMinutes(1), false, false, "", (short) 3, false);
  }

  /** Reads the {@code errors.*} keys; adds each bad value to {@code errors}, naming its key. */
  public static ErrorPolicy parse(Map<String, String> config, List<String> errors) {
    String tolerance = config.getOrDefault(TOLERANCE, "none").trim().toLowerCase(java.util.Locale.ROOT);
    if (!tolerance.equals("none") && !tolerance.equals("all")) {
      errors.add("Invalid value " + config.get(TOLERANCE) + " for configuration " + TOLERANCE
          + ": must be one of [none, all]");
    }
    long retryMs = number(config, RETRY_TIMEOUT, 0, errors);
    long delayMs = number(config, RETRY_DELAY_MAX, 60_000, errors);
    if (delayMs < 0) {
      errors.add("Invalid value " + delayMs + " for configuration " + RETRY_DELAY_MAX + ": Value must be at least 0");
    }
    long rf = number(config, DLQ_REPLICATION_FACTOR, 3, errors);
    if (rf < 1 && rf != -1 || rf > Short.MAX_VALUE) {
      errors.add("Invalid value " + rf + " for configuration " + DLQ_REPLICATION_FACTOR
          + ": must be -1 (the broker's default) or at least 1");
    }
    return new ErrorPolicy(tolerance.equals("all"), Duration.ofMillis(retryMs), Duration.ofMillis(Math.max(0, delayMs)),
        bool(config, LOG_ENABLE, errors), bool(config, LOG_MESSAGES, errors),
        config.getOrDefault(DLQ_TOPIC, "").trim(), (short) Math.max(-1, Math.min(rf, Short.MAX_VALUE)),
        bool(config, DLQ_HEADERS, errors));
  }

  /** Whether tolerated records are written to a dead letter queue. */
  public boolean hasDeadLetterQueue() {
    return !deadLetterTopic.isEmpty();
  }

  private static long number(Map<String, String> config, String key, long fallback, List<String> errors) {
    String value = config.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      errors.add("Invalid value " + value + " for configuration " + key + ": Not a number of type LONG");
      return fallback;
    }
  }

  private static boolean bool(Map<String, String> config, String key, List<String> errors) {
    String value = config.getOrDefault(key, "false").trim();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      errors.add("Invalid value " + value + " for configuration " + key + ": Expected value to be either true or false");
    }
    return value.equalsIgnoreCase("true");
  }
}
