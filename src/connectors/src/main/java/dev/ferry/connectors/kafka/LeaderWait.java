package dev.ferry.connectors.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits, without blocking a thread, until freshly created or grown topics have a leader for every
 * partition and each leader serves the partition (answers ListOffsets for it), so the flows' first
 * writes do not meet NOT_LEADER_OR_FOLLOWER. A leader in the metadata is not enough: a loaded
 * broker publishes the partition's leadership before it has created the partition's log. This only
 * spares the flows retries; the order of their first writes is kept by the pooled producer itself
 * ({@code FirstWriteGate}), whatever the leader does later.
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
        .thenCompose(described -> allLed(described, partitions) ? served(admin, described)
            : CompletableFuture.completedFuture(false))
        .handle((led, error) -> error == null && led)
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

  /** True once every partition's leader answers ListOffsets: it has the partition's log. */
  private static CompletionStage<Boolean> served(Admin admin, Map<String, TopicDescription> described) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    described.forEach((topic, d) -> d.partitions().forEach(p ->
        request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
    return admin.listOffsets(request).all().toCompletionStage().thenApply(offsets -> true);
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
