package dev.ferry.engine.connector;

import dev.ferry.engine.flow.FlowStatus;
import java.util.List;

/**
 * A connector with the live status of its flows: what {@code GET /connectors/{name}/status} shows.
 *
 * @param connector the connector's snapshot
 * @param tasks     each flow's status, by task id
 */
public record ConnectorStatus(ConnectorSnapshot connector, List<TaskStatus> tasks) {

  /** One flow as a Connect task. */
  public record TaskStatus(ConnectorEntity.FlowRef flow, FlowStatus status) {}

  /** RUNNING, PAUSED, STOPPED or FAILED, as Connect reports a connector. */
  public String connectorState() {
    if (connector.failureTrace() != null) {
      return "FAILED";
    }
    return switch (connector.target()) {
      case RUNNING -> "RUNNING";
      case PAUSED -> "PAUSED";
      case STOPPED -> "STOPPED";
    };
  }
}
