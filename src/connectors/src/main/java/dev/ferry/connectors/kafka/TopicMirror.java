package dev.ferry.connectors.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic discovery for Kafka-to-Kafka connectors: lists the selected source topics with their
 * partition counts and makes the target match (creates missing topics with the same partition
 * count, adds partitions when a source topic grew). Never deletes or shrinks anything.
 */
public final class TopicMirror {

  private static final Logger log = LoggerFactory.getLogger(TopicMirror.class);

  /** A source topic-partition and the target topic it goes to. */
  public record MirroredPartition(String sourceTopic, int partition, String targetTopic) {}

  private final KafkaClients clients;

  /** Discovery over the node's pooled admin clients. */
  public TopicMirror(KafkaClients clients) {
    this.clients = clients;
  }

  /**
   * Every partition of every selected source topic, after the target has been prepared.
   *
   * @param createTargets create missing target topics and partitions; when false a missing
   *                      target fails the discovery with a message naming the topic
   */
  public CompletionStage<List<MirroredPartition>> discover(ClusterClientKey source, ClusterClientKey target,
                                                           TopicSelector selector, TopicRenameFormat rename,
                                                           boolean createTargets) {
    return discover(source, target, selector::selects, rename::apply, TargetTopicRules.brokerDefault(createTargets));
  }

  /**
   * Every partition of every source topic {@code selects} accepts, named on the target by
   * {@code rename}, after the target has been prepared following {@code rules}.
   */
  public CompletionStage<List<MirroredPartition>> discover(ClusterClientKey source, ClusterClientKey target,
                                                           Predicate<String> selects, UnaryOperator<String> rename,
                                                           TargetTopicRules rules) {
    Admin sourceAdmin = clients.admin(source);
    CompletionStage<java.util.Set<String>> names = clients.failingAdminClosed(source,
        sourceAdmin.listTopics(new ListTopicsOptions().listInternal(false)).names().toCompletionStage());
    return names
        .thenCompose(listed -> {
          List<String> selected = listed.stream().filter(selects).sorted().toList();
          if (selected.isEmpty()) {
            return CompletableFuture.completedFuture(Map.<String, TopicDescription>of());
          }
          return sourceAdmin.describeTopics(selected).allTopicNames().toCompletionStage();
        })
        .thenCompose(described -> {
          Map<String, Integer> partitions = new HashMap<>();
          described.forEach((topic, d) -> partitions.put(topic, d.partitions().size()));
          return clients.failingAdminClosed(target, prepareTargets(clients.admin(target), partitions, rename, rules))
              .thenApply(v -> partitionsOf(partitions, rename));
        });
  }

  private static List<MirroredPartition> partitionsOf(Map<String, Integer> partitions, UnaryOperator<String> rename) {
    List<MirroredPartition> out = new ArrayList<>();
    partitions.forEach((topic, count) -> {
      for (int p = 0; p < count; p++) {
        out.add(new MirroredPartition(topic, p, rename.apply(topic)));
      }
    });
    return out;
  }

  private CompletionStage<Void> prepareTargets(Admin targetAdmin, Map<String, Integer> sourcePartitions,
                                               UnaryOperator<String> rename, TargetTopicRules rules) {
    boolean create = rules.create();
    if (sourcePartitions.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    Map<String, Integer> wanted = new HashMap<>();
    sourcePartitions.forEach((topic, count) -> wanted.merge(rename.apply(topic), count, Math::max));
    return targetAdmin.listTopics(new ListTopicsOptions().listInternal(false)).names().toCompletionStage()
        .thenCompose(existing -> {
          List<String> present = wanted.keySet().stream().filter(existing::contains).toList();
          CompletionStage<Map<String, TopicDescription>> described = present.isEmpty()
              ? CompletableFuture.completedFuture(Map.of())
              : targetAdmin.describeTopics(present).allTopicNames().toCompletionStage();
          return described.thenCompose(descriptions -> {
            List<NewTopic> missing = new ArrayList<>();
            Map<String, NewPartitions> grow = new HashMap<>();
            wanted.forEach((topic, count) -> {
              TopicDescription d = descriptions.get(topic);
              if (d == null) {
                missing.add(new NewTopic(topic, java.util.Optional.of(count), rules.replicationFactor() > 0
                    ? java.util.Optional.of(rules.replicationFactor()) : java.util.Optional.empty()));
              } else if (d.partitions().size() < count) {
                grow.put(topic, NewPartitions.increaseTo(count));
              }
            });
            if (!create && (!missing.isEmpty() || !grow.isEmpty())) {
              List<String> names = new ArrayList<>(missing.stream().map(NewTopic::name).toList());
              names.addAll(grow.keySet());
              throw new IllegalStateException("Target topics missing or with too few partitions and topic.auto.create=false: "
                  + names);
            }
            CompletableFuture<Void> created = missing.isEmpty() ? CompletableFuture.completedFuture(null)
                : TopicCreation.create(targetAdmin, missing, rules.replicationFactorKey(), "target").toCompletableFuture();
            CompletableFuture<Void> grown = grow.isEmpty() ? CompletableFuture.completedFuture(null)
                : targetAdmin.createPartitions(grow).all().toCompletionStage().toCompletableFuture();
            if (!missing.isEmpty()) {
              log.info("Created target topics {}", missing.stream().map(NewTopic::name).toList());
            }
            if (!grow.isEmpty()) {
              log.info("Added partitions on target topics {}", grow.keySet());
            }
            List<String> changed = new ArrayList<>(missing.stream().map(NewTopic::name).toList());
            changed.addAll(grow.keySet());
            return CompletableFuture.allOf(created, grown)
                .thenCompose(v -> LeaderWait.untilLed(targetAdmin, changed, wanted));
          });
        });
  }
}
