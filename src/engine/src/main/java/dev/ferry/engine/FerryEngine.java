package dev.ferry.engine;

import dev.ferry.engine.connector.ConnectorEntity;
import dev.ferry.engine.connector.ConnectorRegistry;
import dev.ferry.engine.connector.ConnectorService;
import dev.ferry.engine.connector.PlanCache;
import dev.ferry.engine.flow.FlowEntity;
import dev.ferry.engine.persistence.JournalHealth;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Starts the engine on a node: registers the connector registry, connector and flow entity types
 * with cluster sharding, opens the node's plan cache and starts probing its journal. Every node of a Ferry cluster
 * calls {@link #start} once; sharding then places entities on whichever nodes are up.
 */
public final class FerryEngine {

  private FerryEngine() {}

  /** Starts the engine and returns the service the API drives it through. */
  public static ConnectorService start(ActorSystem<?> system) {
    EngineSettings settings = EngineSettings.create(system.settings().config());
    PlanCache.get(system);
    JournalHealth.get(system);
    ConnectorRegistry.init(system);
    ConnectorEntity.init(system, settings);
    FlowEntity.init(system, settings);
    return new ConnectorService(system, settings);
  }
}
