package dev.ferry.engine.spi;

import java.util.List;
import java.util.Map;

/**
 * A kind of connector Ferry can run (replicator, MirrorMaker 2 source, object-storage sink, JDBC
 * source, a hosted Kafka Connect plugin...).
 *
 * <p>Types are found with {@link java.util.ServiceLoader} ({@code META-INF/services}), so a new
 * type is a new package (and jar) and nothing else changes: the engine only ever calls
 * {@link #plan} and then talks to the returned {@link ConnectorPlan}.
 */
public interface ConnectorType {

  /** The fully qualified class name shown in {@code /connector-plugins}. */
  String className();

  /** Other fully qualified names accepted for {@code connector.class} (e.g. peers' names). */
  default List<String> aliases() {
    return List.of();
  }

  /** {@code source} or {@code sink}, as Kafka Connect reports it. */
  String type();

  /** Version reported in {@code /connector-plugins}. */
  String version();

  /**
   * The config keys this type understands, in display order, for {@code GET /connector-plugins/{plugin}/config}
   * and validation answers. Types that do not describe their keys return none.
   */
  default List<ConfigKeyDefinition> configKeys() {
    return List.of();
  }

  /**
   * Checks a connector config and turns it into a plan. Pure: no I/O. Called once per config
   * revision and node (the engine caches plans), so it may be as thorough as it likes.
   *
   * @throws ConnectorConfigException listing every problem found, each naming its key
   */
  ConnectorPlan plan(String name, Map<String, String> config, ConnectorContext context);
}
