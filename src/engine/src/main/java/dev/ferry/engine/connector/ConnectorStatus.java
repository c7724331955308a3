package dev.ferry.engine.connector;

import dev.ferry.engine.flow.FlowStatus;
import dev.ferry.engine.spi.FlowRef;
import java.util.List;

/**
 * A connector with the live status of its flows: what {@code GET /connectors/{name}/status} shows.
 *
 * @param connector the connector's snapshot
 * @param tasks     each flow's status, by task id
 */
public record ConnectorStatus(ConnectorSnapshot connector, List<TaskStatus> tasks) {

  /** One flow as a Connect task. */
  public record TaskStatus(FlowRef flow, FlowStatus status) {}

  /**
   * RUNNING, PAUSED, STOPPED or FAILED, as Connect reports a connector; FINISHED (Ferry's) when
   * every flow of a running bounded connector has reached the end of its source.
   */
  public String connectorState() {
    if (connector.failureTrace() != null) {
      return "FAILED";
    }
    return switch (connector.target()) {
      case RUNNING -> !tasks.isEmpty() && tasks.stream().allMatch(t -> "FINISHED".equals(t.status().state()))
          ? "FINISHED" : "RUNNING";
      case PAUSED -> "PAUSED";
      case STOPPED -> "STOPPED";
    };
  }
}
