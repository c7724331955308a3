package dev.ferry.connectors.kafka;

import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.FlowGraph;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.OffsetEntry;
import dev.ferry.engine.spi.Position;
import dev.ferry.engine.spi.SourceReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The plan of any source connector whose source is not Kafka (JDBC, files, an object-storage
 * restore...): each flow runs a {@link SourceFlowGraph} over the type's {@link SourceReader}.
 * Subclasses discover their flows, open readers and name each flow's source partition (Connect's
 * {@code sourcePartition}, e.g. {@code {"table":"orders"}}); this base does the offsets API in
 * Kafka Connect's source shape (partition map → the flow's position as it is) and the rest.
 *
 * @param <C> the source type's own parsed config
 */
public abstract class SourcePlanBase<C> extends ConnectorPlanBase<C> {

  /** Target cluster, topic creation and record model. */
  protected final SourceSettings source;

  protected SourcePlanBase(String name, Map<String, String> rawConfig, C config, List<String> warnings,
                           ConnectorContext context, SourceSettings source) {
    super(name, rawConfig, config, warnings, context);
    this.source = source;
  }

  /** A reader of {@code flow}'s source, continuing after {@code position} ({@code {}}: from the beginning). */
  protected abstract SourceReader openReader(FlowRef flow, Position position, ActorSystem<?> system);

  /** The flow's source partition as Connect names it, e.g. {@code {"filename":"/tmp/in.txt"}}. */
  protected abstract Map<String, Object> sourcePartition(FlowRef flow);

  /** The class name shown as {@code task.class} under {@code GET /connectors/{name}/tasks}. */
  protected abstract String taskClass();

  @Override
  public FlowGraph flowGraph(FlowRef flow, ActorSystem<?> system) {
    return new SourceFlowGraph(system, name, flow.taskId(), source.cluster(), context.engine().flow(),
        source.connect(), source.topicDefaults(), position -> openReader(flow, position, system));
  }

  @Override
  public List<OffsetEntry> offsetEntries(FlowRef flow, Position position) {
    return List.of(new OffsetEntry(sourcePartition(flow), position.offset()));
  }

  @Override
  public Map<String, Optional<Position>> positionsOf(List<OffsetEntry> entries, List<FlowRef> flows) {
    Map<Map<String, Object>, String> keys = new HashMap<>();
    flows.forEach(f -> keys.put(sourcePartition(f), f.key()));
    Map<String, Optional<Position>> out = new LinkedHashMap<>();
    for (OffsetEntry entry : entries) {
      String key = keys.get(entry.partition());
      if (key == null) {
        throw new IllegalArgumentException("Connector " + name + " has no flow for partition " + entry.partition()
            + "; its partitions are " + keys.keySet());
      }
      out.put(key, entry.offset() == null ? Optional.empty() : Optional.of(new Position(entry.offset())));
    }
    return out;
  }

  @Override
  public Map<String, String> metricTags(FlowRef flow) {
    String topic = flow.attribute("topic");
    return Map.of("source", name, "target", source.cluster().bootstrapServers(),
        "topic", topic == null ? flow.key() : topic, "partition", "");
  }

  @Override
  public Map<String, String> taskConfig(FlowRef flow) {
    Map<String, String> task = taskConfigOf(taskClass());
    task.put("flow", flow.key());
    return task;
  }
}
