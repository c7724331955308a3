package dev.ferry.engine.spi;

import com.typesafe.config.Config;
import dev.ferry.engine.EngineSettings;

/**
 * What a connector type may read while it checks a config and makes a plan: the engine's settings
 * and the node's whole configuration (where connector packages keep their node-level defaults,
 * e.g. the worker's Kafka cluster and default converters). Pure data: making a plan does no I/O.
 *
 * @param engine     the engine's settings
 * @param nodeConfig the node's configuration (HOCON, {@code ferry.*} and everything else)
 */
public record ConnectorContext(EngineSettings engine, Config nodeConfig) {}
