package dev.ferry.connectors.kafka;

import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.FlowRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every Ferry connector plan holds: the connector's name, its config as submitted (shown
 * under {@code GET /connectors/{name}/tasks}), the parsed config with its warnings, and what the
 * node gives plans. Subclasses add discovery and graphs.
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
  /** The node's engine settings and config. */
  protected final ConnectorContext context;
  private final List<String> warnings;

  protected ConnectorPlanBase(String name, Map<String, String> rawConfig, C config, List<String> warnings,
                              ConnectorContext context) {
    this.name = name;
    this.rawConfig = Map.copyOf(rawConfig);
    this.config = config;
    this.warnings = warnings;
    this.context = context;
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }

  /** The submitted config plus {@code task.class}, for {@link #taskConfig(FlowRef)}; callers add their own keys. */
  protected Map<String, String> taskConfigOf(String taskClass) {
    Map<String, String> task = new HashMap<>(rawConfig);
    task.put("task.class", taskClass);
    return task;
  }
}
