package dev.ferry.connectors.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Waits, without blocking a thread, until freshly created or grown topics have a leader for every
 * partition. Producing into a partition that has no leader yet can leave an idempotent producer
 * retrying OUT_OF_ORDER_SEQUENCE_NUMBER forever, so flows start only after this.
 */
final class LeaderWait {

  private static final Duration RETRY = Duration.ofMillis(200);
  private static final int ATTEMPTS = 100;

  private LeaderWait() {}

  /** Completes when every partition of {@code topics} (at least {@code partitions} of each) has a leader. */
  static CompletionStage<Void> untilLed(Admin admin, List<String> topics, Map<String, Integer> partitions) {
    if (topics.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return attempt(admin, topics, partitions, ATTEMPTS);
  }

  private static CompletionStage<Void> attempt(Admin admin, List<String> topics, Map<String, Integer> partitions,
                                               int left) {
    return admin.describeTopics(topics).allTopicNames().toCompletionStage()
        .handle((described, error) -> error == null && allLed(described, partitions))
        .thenCompose(led -> {
          if (led) {
            return CompletableFuture.completedFuture(null);
          }
          if (left <= 1) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                "Target topics " + topics + " still have partitions without a leader after "
                    + RETRY.multipliedBy(ATTEMPTS).toSeconds() + " s"));
          }
          return CompletableFuture.supplyAsync(() -> null,
                  CompletableFuture.delayedExecutor(RETRY.toMillis(), TimeUnit.MILLISECONDS))
              .thenCompose(v -> attempt(admin, topics, partitions, left - 1));
        });
  }

  private static boolean allLed(Map<String, TopicDescription> described, Map<String, Integer> partitions) {
    for (Map.Entry<String, TopicDescription> topic : described.entrySet()) {
      var parts = topic.getValue().partitions();
      if (parts.size() < partitions.getOrDefault(topic.getKey(), 0)
          || parts.stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
        return false;
      }
    }
    return true;
  }
}
