package dev.ferry.connectors.mirror;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MM2's topic config sync: the configs set on a source topic are set on its remote topic, except
 * MM2's exclusion list (replication throttles, timestamp checks, unclean leader election,
 * min.insync.replicas), which belong to each cluster. Broker defaults are not copied; nothing is
 * ever deleted on the target.
 */
final class TopicConfigSync {

  private static final Logger log = LoggerFactory.getLogger(TopicConfigSync.class);

  /** MM2's {@code config.properties.exclude} default. */
  static final Set<String> EXCLUDED = Set.of("follower.replication.throttled.replicas",
      "leader.replication.throttled.replicas", "message.timestamp.difference.max.ms", "message.timestamp.type",
      "unclean.leader.election.enable", "min.insync.replicas");

  private TopicConfigSync() {}

  /** Copies the configs of each source topic (key) to its remote topic (value). */
  static CompletionStage<Void> sync(Admin source, Admin target, Map<String, String> remoteNames) {
    if (remoteNames.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    List<ConfigResource> resources = remoteNames.keySet().stream()
        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    return source.describeConfigs(resources).all().toCompletionStage().thenCompose(described -> {
      Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
      described.forEach((resource, config) -> {
        List<AlterConfigOp> ops = new ArrayList<>();
        for (ConfigEntry entry : config.entries()) {
          if (replicated(entry)) {
            ops.add(new AlterConfigOp(new ConfigEntry(entry.name(), entry.value()), AlterConfigOp.OpType.SET));
          }
        }
        if (!ops.isEmpty()) {
          changes.put(new ConfigResource(ConfigResource.Type.TOPIC, remoteNames.get(resource.name())), ops);
        }
      });
      if (changes.isEmpty()) {
        return CompletableFuture.completedFuture(null);
      }
      return target.incrementalAlterConfigs(changes).all().toCompletionStage()
          .whenComplete((v, error) -> {
            if (error == null) {
              log.debug("Synced topic configs of {}", changes.keySet());
            }
          });
    });
  }

  static boolean replicated(ConfigEntry entry) {
    return entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
        && !entry.isSensitive() && !entry.isReadOnly() && entry.value() != null
        && !EXCLUDED.contains(entry.name());
  }
}
