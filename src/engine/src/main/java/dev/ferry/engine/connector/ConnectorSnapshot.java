package dev.ferry.engine.connector;

import dev.ferry.engine.JsonSerializable;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.spi.FlowRef;
import java.util.List;
import java.util.Map;

/**
 * A connector as its entity sees it: what the API turns into ConnectorInfo and the connector part
 * of ConnectorStateInfo.
 *
 * @param name         connector name
 * @param config       its config, {@code name} included
 * @param revision     its config revision (1 at creation, +1 per change)
 * @param target       what the operator asked for
 * @param flows        its flows, by task id
 * @param type         {@code source} or {@code sink}
 * @param failureTrace why the connector is FAILED, or null
 * @param workerId     node that runs the connector entity
 * @param topicsUsed   topics its flows have run on since the last topics reset, sorted
 */
public record ConnectorSnapshot(
    String name,
    Map<String, String> config,
    int revision,
    TargetState target,
    List<FlowRef> flows,
    String type,
    String failureTrace,
    String workerId,
    List<String> topicsUsed) implements JsonSerializable {}
