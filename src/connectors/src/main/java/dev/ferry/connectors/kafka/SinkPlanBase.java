package dev.ferry.connectors.kafka;

import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowGraph;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.OffsetEntry;
import dev.ferry.engine.spi.Position;
import dev.ferry.engine.spi.SinkTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The plan of any sink connector (S3, JDBC, search...): one flow per partition of the topics it
 * reads, each running a {@link SinkFlowGraph} into the type's {@link SinkTarget}. Subclasses give
 * the target; this base does discovery, the offsets API in Kafka Connect's sink shape
 * ({@code {"kafka_topic":..,"kafka_partition":..}} → {@code {"kafka_offset":..}}, Connect 3.6+),
 * lag (partition end offset minus position) and task configs.
 *
 * @param <C> the sink type's own parsed config
 */
public abstract class SinkPlanBase<C> extends ConnectorPlanBase<C> {

  /** Connect's sink offsets API keys. */
  static final String KAFKA_TOPIC = "kafka_topic";
  static final String KAFKA_PARTITION = "kafka_partition";

  /** Topics, cluster and record model. */
  protected final SinkSettings sink;
  private volatile SinkTarget target;

  protected SinkPlanBase(String name, Map<String, String> rawConfig, C config, List<String> warnings,
                         ConnectorContext context, SinkSettings sink) {
    super(name, rawConfig, config, warnings, context);
    this.sink = sink;
  }

  /**
   * The target of this plan's flows on this node, made once per plan (so pooled resources are
   * shared by the flows) on first use.
   */
  protected abstract SinkTarget createTarget(ActorSystem<?> system);

  /** The class name shown as {@code task.class} under {@code GET /connectors/{name}/tasks}. */
  protected abstract String taskClass();

  @Override
  public CompletionStage<List<FlowDescriptor>> discoverFlows(ActorSystem<?> system) {
    KafkaClients clients = KafkaClients.get(system);
    Admin admin = clients.admin(sink.cluster());
    return clients.failingAdminClosed(sink.cluster(),
            admin.listTopics(new ListTopicsOptions().listInternal(false)).names().toCompletionStage())
        .thenCompose(names -> {
          List<String> selected = sink.topics().select(names);
          if (selected.isEmpty()) {
            return CompletableFuture.completedFuture(List.<FlowDescriptor>of());
          }
          return admin.describeTopics(selected).allTopicNames().toCompletionStage().thenApply(described -> {
            List<FlowDescriptor> flows = new ArrayList<>();
            described.forEach((topic, d) -> d.partitions().forEach(p ->
                flows.add(KafkaFlows.descriptor(topic, p.partition(), null))));
            return flows;
          });
        });
  }

  @Override
  public FlowGraph flowGraph(FlowRef flow, ActorSystem<?> system) {
    return new SinkFlowGraph(system, name, flow.taskId(), sink.cluster(), KafkaFlows.partition(flow),
        context.engine().flow(), sink.connect(), target(system));
  }

  private SinkTarget target(ActorSystem<?> system) {
    SinkTarget made = target;
    if (made == null) {
      synchronized (this) {
        if (target == null) {
          target = createTarget(system);
        }
        made = target;
      }
    }
    return made;
  }

  @Override
  public CompletionStage<Map<String, Long>> sourceEnds(List<FlowRef> flows, ActorSystem<?> system) {
    return SourceEndOffsets.of(KafkaClients.get(system).admin(sink.cluster()), flows);
  }

  @Override
  public long sourceOffset(Position position) {
    return KafkaFlows.offset(position);
  }

  @Override
  public List<OffsetEntry> offsetEntries(FlowRef flow, Position position) {
    Map<String, Object> partition = new LinkedHashMap<>();
    partition.put(KAFKA_TOPIC, flow.attribute(KafkaFlows.TOPIC));
    partition.put(KAFKA_PARTITION, Integer.parseInt(flow.attribute(KafkaFlows.PARTITION)));
    return List.of(new OffsetEntry(partition, Map.of(KafkaFlows.KAFKA_OFFSET, KafkaFlows.offset(position))));
  }

  @Override
  public Map<String, Optional<Position>> positionsOf(List<OffsetEntry> entries, List<FlowRef> flows) {
    Map<String, String> keys = new HashMap<>();
    flows.forEach(f -> keys.put(f.attribute(KafkaFlows.TOPIC) + "-" + f.attribute(KafkaFlows.PARTITION), f.key()));
    Map<String, Optional<Position>> out = new LinkedHashMap<>();
    int index = 0;
    for (OffsetEntry entry : entries) {
      String where = "offsets[" + index++ + "]";
      Object topic = entry.partition().get(KAFKA_TOPIC);
      Object partition = entry.partition().get(KAFKA_PARTITION);
      if (!(topic instanceof String) || !(partition instanceof Integer || partition instanceof Long)) {
        throw new IllegalArgumentException(where + ".partition must be {\"" + KAFKA_TOPIC + "\":<topic>,\""
            + KAFKA_PARTITION + "\":<partition>}, but is " + entry.partition());
      }
      String key = keys.get(topic + "-" + partition);
      if (key == null) {
        throw new IllegalArgumentException("Connector " + name + " has no flow for topic-partition " + topic + "-"
            + partition + "; its flows are " + keys.keySet().stream().sorted().toList());
      }
      if (entry.offset() == null) {
        out.put(key, Optional.empty());
        continue;
      }
      Object offset = entry.offset().get(KafkaFlows.KAFKA_OFFSET);
      if (!(offset instanceof Integer || offset instanceof Long) || ((Number) offset).longValue() < 0) {
        throw new IllegalArgumentException(where + ".offset must be {\"" + KafkaFlows.KAFKA_OFFSET
            + "\":<non-negative offset>} or null, but is " + entry.offset());
      }
      out.put(key, Optional.of(KafkaFlows.position(((Number) offset).longValue())));
    }
    return out;
  }

  @Override
  public Map<String, String> metricTags(FlowRef flow) {
    return Map.of("source", sink.cluster().bootstrapServers(), "target", name,
        "topic", flow.attribute(KafkaFlows.TOPIC), "partition", flow.attribute(KafkaFlows.PARTITION));
  }

  @Override
  public Map<String, String> taskConfig(FlowRef flow) {
    Map<String, String> task = taskConfigOf(taskClass());
    task.put("task.assigned.partitions", flow.attribute(KafkaFlows.TOPIC) + "-" + flow.attribute(KafkaFlows.PARTITION));
    return task;
  }
}
