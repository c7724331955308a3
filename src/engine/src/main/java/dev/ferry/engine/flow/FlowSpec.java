package dev.ferry.engine.flow;

import dev.ferry.engine.JsonSerializable;
import java.util.Map;

/**
 * Everything a flow needs to run on any node without asking its connector: which partition,
 * where it goes, and the connector config its graph is built from. The flow entity persists it,
 * so a remembered flow restarts by itself after a crash.
 *
 * @param id              the flow's identity (connector, source topic, partition)
 * @param targetTopic     topic the records are written to (same partition number)
 * @param connectorConfig the connector's config when the flow was assigned
 */
public record FlowSpec(FlowId id, String targetTopic, Map<String, String> connectorConfig)
    implements JsonSerializable {

  /** Copies the config so the spec stays immutable. */
  public FlowSpec {
    connectorConfig = Map.copyOf(connectorConfig);
  }
}
