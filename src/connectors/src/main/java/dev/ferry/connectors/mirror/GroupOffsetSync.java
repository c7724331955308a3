package dev.ferry.connectors.mirror;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * {@code sync.group.offsets.enabled}: commits checkpoints' translated offsets to the same groups
 * on the target, so consumers that switch clusters resume without tooling. A group is touched only
 * while it has no active member on the target, and an offset never moves backwards.
 */
final class GroupOffsetSync {

  private GroupOffsetSync() {}

  /** Commits what is new; completes with the number of partitions committed. */
  static CompletionStage<Integer> commit(Admin target, List<Checkpoint> checkpoints) {
    Map<String, List<Checkpoint>> byGroup = new HashMap<>();
    checkpoints.forEach(c -> byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c));
    if (byGroup.isEmpty()) {
      return CompletableFuture.completedFuture(0);
    }
    return target.describeConsumerGroups(byGroup.keySet()).describedGroups().entrySet().stream()
        .map(e -> idle(e.getValue().toCompletionStage()).thenCompose(isIdle -> isIdle
            ? commitGroup(target, e.getKey(), byGroup.get(e.getKey()))
            : CompletableFuture.completedFuture(0)).toCompletableFuture())
        .reduce((a, b) -> a.thenCombine(b, Integer::sum))
        .orElse(CompletableFuture.completedFuture(0));
  }

  private static CompletionStage<Boolean> idle(CompletionStage<ConsumerGroupDescription> description) {
    return description.handle((d, error) -> {
      if (error != null) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        if (cause instanceof GroupIdNotFoundException) {
          return true;
        }
        throw new CompletionException(cause);
      }
      return d.members().isEmpty()
          && (d.state() == ConsumerGroupState.EMPTY || d.state() == ConsumerGroupState.DEAD
          || d.state() == ConsumerGroupState.UNKNOWN);
    });
  }

  private static CompletionStage<Integer> commitGroup(Admin target, String group, List<Checkpoint> checkpoints) {
    return target.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().toCompletionStage()
        .thenCompose(existing -> {
          Map<TopicPartition, OffsetAndMetadata> forward = new HashMap<>();
          for (Checkpoint c : checkpoints) {
            TopicPartition tp = new TopicPartition(c.topic(), c.partition());
            OffsetAndMetadata current = existing.get(tp);
            if (current == null || current.offset() < c.downstreamOffset()) {
              forward.put(tp, new OffsetAndMetadata(c.downstreamOffset(), c.metadata()));
            }
          }
          if (forward.isEmpty()) {
            return CompletableFuture.completedFuture(0);
          }
          return target.alterConsumerGroupOffsets(group, forward).all().toCompletionStage()
              .thenApply(v -> forward.size());
        });
  }
}
