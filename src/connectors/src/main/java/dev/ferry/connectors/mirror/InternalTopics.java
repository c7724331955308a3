package dev.ferry.connectors.mirror;

import dev.ferry.connectors.kafka.TopicCreation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * MM2's internal topics (offset syncs, checkpoints, heartbeats): one partition, compacted, created
 * when missing with the replication factor the config asks for.
 */
final class InternalTopics {

  private InternalTopics() {}

  static CompletionStage<Void> ensure(Admin admin, String topic, short replicationFactor, String replicationFactorKey,
                                      String cluster) {
    return admin.listTopics().names().toCompletionStage().thenCompose(names -> {
      if (names.contains(topic)) {
        return CompletableFuture.completedFuture(null);
      }
      NewTopic created = new NewTopic(topic, Optional.of(1),
          replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty())
          .configs(Map.of("cleanup.policy", "compact"));
      return TopicCreation.create(admin, List.of(created), replicationFactorKey, cluster);
    });
  }
}
