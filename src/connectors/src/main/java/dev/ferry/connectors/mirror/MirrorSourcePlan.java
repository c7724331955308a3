package dev.ferry.connectors.mirror;

import dev.ferry.connectors.kafka.BatchListener;
import dev.ferry.connectors.kafka.CopyOffsets;
import dev.ferry.connectors.kafka.KafkaClients;
import dev.ferry.connectors.kafka.KafkaFlows;
import dev.ferry.connectors.kafka.KafkaPartitionGraph;
import dev.ferry.connectors.kafka.RecordCopier;
import dev.ferry.connectors.kafka.SourceEndOffsets;
import dev.ferry.connectors.kafka.TargetTopicRules;
import dev.ferry.connectors.kafka.TopicMirror;
import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.OffsetEntry;
import dev.ferry.engine.spi.Position;
import dev.ferry.engine.spi.FlowGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validated MirrorSourceConnector. Each discovery (every {@code refresh.topics.interval.seconds},
 * or sooner when config or ACL sync is due more often) makes sure the offset-syncs topic exists,
 * lists the topics {@link MirrorTopicFilter} selects, creates or grows their remote topics with
 * {@code replication.factor}, and copies topic configs and ACLs. Only new partitions become new
 * flows: running flows are never stopped or moved by a discovery.
 */
final class MirrorSourcePlan extends MirrorPlanBase {

  private static final Logger log = LoggerFactory.getLogger(MirrorSourcePlan.class);

  MirrorSourcePlan(String name, Map<String, String> rawConfig, MirrorConfig config, ConnectorContext context) {
    super(name, rawConfig, config, context);
  }

  @Override
  public Optional<Duration> discoveryInterval() {
    return Stream.of(config.refreshTopics(), config.syncTopicConfigs(), config.syncTopicAcls())
        .flatMap(Optional::stream).min(Duration::compareTo);
  }

  @Override
  public CompletionStage<List<FlowDescriptor>> discoverFlows(ActorSystem<?> system) {
    KafkaClients clients = KafkaClients.get(system);
    MirrorClusters clusters = config.clusters();
    CompletionStage<Void> syncsTopic = !config.emitOffsetSyncs() ? CompletableFuture.completedFuture(null)
        : InternalTopics.ensure(clients.admin(config.offsetSyncsAdmin()), config.offsetSyncsTopic(),
            config.offsetSyncsReplicationFactor(), MirrorKeys.OFFSET_SYNCS_RF,
            config.offsetSyncsOnSource() ? config.sourceAlias() : config.targetAlias());
    TargetTopicRules rules = new TargetTopicRules(true, config.replicationFactor(), MirrorKeys.REPLICATION_FACTOR);
    return syncsTopic
        .thenCompose(v -> new TopicMirror(clients).discover(clusters.sourceAdmin(), clusters.targetAdmin(),
            new MirrorTopicFilter(config), this::remoteTopic, rules))
        .thenCompose(partitions -> {
          Map<String, String> remoteNames = new TreeMap<>();
          partitions.forEach(p -> remoteNames.put(p.sourceTopic(), p.targetTopic()));
          return syncTopicMetadata(clients, remoteNames).thenApply(v -> partitions.stream()
              .map(p -> KafkaFlows.descriptor(p.sourceTopic(), p.partition(), p.targetTopic()))
              .toList());
        });
  }

  private String remoteTopic(String topic) {
    return config.policy().formatRemoteTopic(config.sourceAlias(), topic);
  }

  /** Topic configs and ACLs; a failure here is logged and retried, it never stops replication. */
  private CompletionStage<Void> syncTopicMetadata(KafkaClients clients, Map<String, String> remoteNames) {
    var source = clients.admin(config.clusters().sourceAdmin());
    var target = clients.admin(config.clusters().targetAdmin());
    CompletionStage<Void> configs = config.syncTopicConfigs().isEmpty() ? CompletableFuture.completedFuture(null)
        : TopicConfigSync.sync(source, target, remoteNames);
    CompletionStage<Void> acls = config.syncTopicAcls().isEmpty() ? CompletableFuture.completedFuture(null)
        : TopicAclSync.sync(source, target, remoteNames);
    return configs.thenCompose(v -> acls).exceptionally(error -> {
      log.warn("Connector {} could not sync topic configs or ACLs (retried on the next discovery): {}", name,
          error.toString());
      return null;
    });
  }

  @Override
  public FlowGraph flowGraph(FlowRef flow, ActorSystem<?> system) {
    KafkaClients clients = KafkaClients.get(system);
    RecordCopier copier = config.policy().namesShowOrigin() ? RecordCopier.exact()
        : new ProvenanceCopier(config.sourceAlias(), config.targetAlias());
    BatchListener syncs = null;
    if (config.emitOffsetSyncs()) {
      var syncCluster = config.offsetSyncsOnSource() ? config.clusters().sourceProducer()
          : config.clusters().targetProducer();
      syncs = new OffsetSyncWriter(clients.sharedProducer(syncCluster), config.offsetSyncsTopic());
    }
    return new KafkaPartitionGraph(system, config.clusters().sourceConsumer(), config.clusters().targetProducer(),
        KafkaFlows.partition(flow), KafkaFlows.targetTopic(flow), context.engine().flow(), copier, syncs,
        config.copy(), name, flow.taskId());
  }

  @Override
  public CompletionStage<Map<String, Long>> sourceEnds(List<FlowRef> flows, ActorSystem<?> system) {
    return SourceEndOffsets.of(KafkaClients.get(system).admin(config.clusters().sourceAdmin()), flows);
  }

  @Override
  public long sourceOffset(Position position) {
    return KafkaFlows.offset(position);
  }

  /** MirrorMaker 2 names partitions by their cluster alias. */
  @Override
  public List<OffsetEntry> offsetEntries(FlowRef flow, Position position) {
    return CopyOffsets.entries(config.sourceAlias(), flow, position);
  }

  @Override
  public Map<String, Optional<Position>> positionsOf(List<OffsetEntry> entries, List<FlowRef> flows) {
    return CopyOffsets.positions(config.sourceAlias(), name, entries, flows);
  }

  @Override
  public Map<String, String> taskConfig(FlowRef flow) {
    Map<String, String> task = taskConfigOf("org.apache.kafka.connect.mirror.MirrorSourceTask");
    task.put("task.assigned.partitions", flow.attribute(KafkaFlows.TOPIC) + "-" + flow.attribute(KafkaFlows.PARTITION));
    task.put("target.topic", KafkaFlows.targetTopic(flow));
    return task;
  }
}
