package dev.ferry.connectors.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics a node has seen exist on one cluster, and the creation of those that do not: for
 * records whose topic is decided per record (a source's table topic, RegexRouter's rename, a dead
 * letter queue). A missing topic is created (with the given partitions and replication factor, or
 * the broker's defaults) and its partitions awaited to have leaders before the first record is sent
 * — producing earlier can leave an idempotent producer stuck. Known topics cost a set lookup.
 */
public final class TargetTopics {

  private static final Logger log = LoggerFactory.getLogger(TargetTopics.class);

  private final Admin admin;
  private final String cluster;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  TargetTopics(Admin admin, String cluster) {
    this.admin = admin;
    this.cluster = cluster;
  }

  /**
   * Completes once every topic of {@code topics} exists and is led.
   *
   * @param partitions           partitions of a created topic, or -1 for the broker's default
   * @param replicationFactor    replication factor of a created topic, or -1 for the broker's default
   * @param replicationFactorKey the config key the factor came from, named in errors
   */
  public CompletionStage<Void> ensure(Set<String> topics, int partitions, short replicationFactor,
                                      String replicationFactorKey) {
    List<String> unknown = topics.stream().filter(t -> !known.contains(t)).toList();
    if (unknown.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return admin.listTopics().names().toCompletionStage().thenCompose(existing -> {
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : unknown) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, partitions > 0 ? Optional.of(partitions) : Optional.empty(),
              replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty()));
        }
      }
      if (missing.isEmpty()) {
        known.addAll(unknown);
        return CompletableFuture.completedFuture(null);
      }
      log.info("Creating topics {} on the {} cluster", missing.stream().map(NewTopic::name).toList(), cluster);
      Map<String, Integer> expected = new HashMap<>();
      missing.forEach(t -> expected.put(t.name(), Math.max(1, partitions)));
      return TopicCreation.create(admin, missing, replicationFactorKey, cluster)
          .thenCompose(v -> LeaderWait.untilLed(admin, missing.stream().map(NewTopic::name).toList(), expected))
          .thenRun(() -> known.addAll(unknown));
    });
  }
}
