package dev.ferry.connectors.mirror;

import dev.ferry.connectors.kafka.ClientSettings;
import dev.ferry.connectors.kafka.ClusterClientKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kafka clients of a MirrorMaker 2 connector, built like MM2 builds them: cluster-wide
 * settings ({@code source.cluster.*}, {@code target.cluster.*}, e.g. {@code security.protocol}),
 * then the role's ({@code consumer.*}, {@code producer.*}, {@code admin.*}), then the role on
 * that cluster ({@code source.consumer.*}, {@code target.producer.*}, {@code source.admin.*} ...).
 *
 * @param sourceConsumer reads replicated records and offset syncs on the source
 * @param sourceProducer writes offset syncs on the source
 * @param sourceAdmin    lists topics, groups and configs on the source
 * @param targetProducer writes remote records, checkpoints and heartbeats
 * @param targetConsumer reads offset syncs kept on the target
 * @param targetAdmin    creates topics and commits group offsets on the target
 */
public record MirrorClusters(ClusterClientKey sourceConsumer, ClusterClientKey sourceProducer,
                             ClusterClientKey sourceAdmin, ClusterClientKey targetProducer,
                             ClusterClientKey targetConsumer, ClusterClientKey targetAdmin) {

  /** Client settings Ferry owns: overriding them would break replication. */
  private static final Set<String> FERRY_OWNED = Set.of("key.deserializer", "value.deserializer",
      "key.serializer", "value.serializer", "group.id", "enable.auto.commit", "acks", "enable.idempotence",
      "bootstrap.servers");
  /** Keys under {@code source.cluster.} / {@code target.cluster.} that are not client settings. */
  private static final Set<String> NOT_CLIENT = Set.of("alias", "bootstrap.servers");

  static MirrorClusters of(Map<String, String> config, String sourceServers, String targetServers,
                           List<String> warnings, List<String> errors) {
    return new MirrorClusters(
        key(config, sourceServers, "source", "consumer", warnings, errors),
        key(config, sourceServers, "source", "producer", warnings, errors),
        key(config, sourceServers, "source", "admin", warnings, errors),
        key(config, targetServers, "target", "producer", warnings, errors),
        key(config, targetServers, "target", "consumer", warnings, errors),
        key(config, targetServers, "target", "admin", warnings, errors));
  }

  private static ClusterClientKey key(Map<String, String> config, String servers, String cluster, String role,
                                      List<String> warnings, List<String> errors) {
    Map<String, String> out = new TreeMap<>();
    ClientSettings.Role checked = ClientSettings.Role.of(role);
    copy(config, cluster + ".cluster.", out, warnings, checked, errors);
    copy(config, role + ".", out, warnings, checked, errors);
    copy(config, role + ".override.", out, warnings, checked, errors);
    copy(config, cluster + "." + role + ".", out, warnings, checked, errors);
    return new ClusterClientKey(servers, out);
  }

  private static void copy(Map<String, String> config, String prefix, Map<String, String> out, List<String> warnings,
                           ClientSettings.Role role, List<String> errors) {
    config.forEach((key, value) -> {
      if (!key.startsWith(prefix)) {
        return;
      }
      String clientKey = key.substring(prefix.length());
      if (NOT_CLIENT.contains(clientKey) || clientKey.startsWith("override.")) {
        return;
      }
      if (FERRY_OWNED.contains(clientKey)) {
        String warning = key + " is ignored: Ferry sets " + clientKey + " itself";
        if (!warnings.contains(warning)) {
          warnings.add(warning);
        }
        return;
      }
      ClientSettings.check(role, key, clientKey, value, errors);
      out.put(clientKey, value.trim());
    });
  }
}
