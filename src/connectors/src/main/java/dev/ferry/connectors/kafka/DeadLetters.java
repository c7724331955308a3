package dev.ferry.connectors.kafka;

import dev.ferry.connectors.connect.ErrantRecords;
import dev.ferry.connectors.connect.ErrorPolicy;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.Producer;

/**
 * Where a connector's tolerated records go: its {@code errors.deadletterqueue.topic.name} on a
 * Kafka cluster (for sinks the cluster they read, for replication the target), written through the
 * node's pooled idempotent producer. The topic is created on first use with
 * {@code errors.deadletterqueue.topic.replication.factor} (as Connect does, one partition).
 */
public final class DeadLetters {

  private DeadLetters() {}

  /** The dead letter sink of a policy on {@code cluster}, or null when it has no DLQ. */
  public static ErrantRecords.DeadLetterSink on(KafkaClients clients, ClusterClientKey cluster, ErrorPolicy policy) {
    if (!policy.hasDeadLetterQueue()) {
      return null;
    }
    Producer<byte[], byte[]> producer = clients.sharedProducer(cluster);
    TargetTopics topics = clients.targetTopics(cluster);
    return letter -> topics.ensure(Set.of(policy.deadLetterTopic()), 1, policy.deadLetterReplicationFactor(),
        ErrorPolicy.DLQ_REPLICATION_FACTOR).thenCompose(v -> {
          CompletableFuture<Void> acked = new CompletableFuture<>();
          producer.send(letter, (metadata, error) -> {
            if (error == null) {
              acked.complete(null);
            } else {
              acked.completeExceptionally(error);
            }
          });
          return (CompletionStage<Void>) acked;
        });
  }
}
