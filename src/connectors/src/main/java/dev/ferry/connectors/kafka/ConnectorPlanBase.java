package dev.ferry.connectors.kafka;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.connector.ConnectorPlan;
import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every Ferry connector plan holds: the connector's name, its config as submitted (carried
 * by each flow and shown under {@code GET /connectors/{name}/tasks}), the parsed config with its
 * warnings, and the node's engine settings. Subclasses add discovery and graphs.
 *
 * @param <C> the connector type's parsed config
 */
public abstract class ConnectorPlanBase<C> implements ConnectorPlan {

  /** The connector's name. */
  protected final String name;
  /** The config as submitted (an immutable copy). */
  protected final Map<String, String> rawConfig;
  /** The parsed, checked config. */
  protected final C config;
  /** The node's engine settings. */
  protected final EngineSettings settings;
  private final List<String> warnings;

  protected ConnectorPlanBase(String name, Map<String, String> rawConfig, C config, List<String> warnings,
                              EngineSettings settings) {
    this.name = name;
    this.rawConfig = Map.copyOf(rawConfig);
    this.config = config;
    this.warnings = warnings;
    this.settings = settings;
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }

  /** A flow of this connector reading {@code topic}'s {@code partition} and writing {@code targetTopic}. */
  protected FlowSpec flowSpec(String topic, int partition, String targetTopic) {
    return new FlowSpec(new FlowId(name, topic, partition), targetTopic, rawConfig);
  }

  /** The submitted config plus {@code task.class}, for {@link #taskConfig}; callers add their own keys. */
  protected Map<String, String> taskConfigOf(String taskClass) {
    Map<String, String> task = new HashMap<>(rawConfig);
    task.put("task.class", taskClass);
    return task;
  }
}
