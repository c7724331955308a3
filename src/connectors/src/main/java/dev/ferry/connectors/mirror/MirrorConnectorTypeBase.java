package dev.ferry.connectors.mirror;

import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.ConnectorType;
import java.util.Map;

/**
 * The common part of the MirrorMaker 2 connector types: a source connector under MM2's class name
 * and version, whose config is parsed by {@link MirrorConfig#parse} and handed to its plan.
 */
public abstract class MirrorConnectorTypeBase implements ConnectorType {

  /** The MirrorMaker 2 release whose connectors Ferry stands in for, as {@code /connector-plugins} shows it. */
  static final String MM2_VERSION = "3.9.2";

  /** Makes a connector type's plan from a config {@link MirrorConfig#parse} accepted. */
  @FunctionalInterface
  interface PlanFactory {
    ConnectorPlan create(String name, Map<String, String> rawConfig, MirrorConfig config, ConnectorContext context);
  }

  private final String className;
  private final PlanFactory plans;

  MirrorConnectorTypeBase(String className, PlanFactory plans) {
    this.className = className;
    this.plans = plans;
  }

  @Override
  public final String className() {
    return className;
  }

  @Override
  public final String type() {
    return "source";
  }

  @Override
  public final String version() {
    return MM2_VERSION;
  }

  @Override
  public final ConnectorPlan plan(String name, Map<String, String> config, ConnectorContext context) {
    return plans.create(name, config, MirrorConfig.parse(config), context);
  }
}
