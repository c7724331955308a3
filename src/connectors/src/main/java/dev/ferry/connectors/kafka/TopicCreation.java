package dev.ferry.connectors.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics without surprises: a replication factor the cluster cannot give fails at once
 * with a message naming the topic, the factor asked (and its config key) and the brokers
 * available, instead of a bare broker error; a topic someone else created meanwhile is fine.
 */
public final class TopicCreation {

  private TopicCreation() {}

  /**
   * Creates {@code topics} (all sharing one replication factor, or the broker default when it is
   * not set) on the cluster of {@code admin}.
   *
   * @param replicationFactorKey the config key the factor came from, named in the error
   * @param cluster              how to call the cluster in the error ("target", an alias...)
   */
  public static CompletionStage<Void> create(Admin admin, List<NewTopic> topics, String replicationFactorKey,
                                             String cluster) {
    if (topics.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    int factor = topics.stream().mapToInt(t -> t.replicationFactor()).max().orElse(-1);
    CompletionStage<Void> checked = factor <= 1 ? CompletableFuture.completedFuture(null)
        : admin.describeCluster().nodes().toCompletionStage().thenAccept(nodes -> {
          if (nodes.size() < factor) {
            String names = topics.size() == 1 ? topics.get(0).name() : topics.stream().map(NewTopic::name).toList().toString();
            throw new IllegalStateException("Cannot create topic " + names + " on the " + cluster
                + " cluster: " + replicationFactorKey + "=" + factor + " asks for " + factor
                + " replicas but the cluster has only " + nodes.size() + " broker(s) available; set "
                + replicationFactorKey + " to at most " + nodes.size());
          }
        });
    return checked.thenCompose(v -> ignoreExists(admin.createTopics(topics).all().toCompletionStage()));
  }

  private static CompletionStage<Void> ignoreExists(CompletionStage<Void> creation) {
    // Another node (or an earlier discovery) may have created the topic meanwhile: that is fine.
    return creation.handle((v, error) -> {
      Throwable cause = error instanceof CompletionException ? error.getCause() : error;
      if (cause == null || cause instanceof TopicExistsException) {
        return null;
      }
      throw new CompletionException(cause);
    });
  }
}
