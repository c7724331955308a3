package dev.ferry.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Kafka Connect's ConnectorStateInfo, as {@code GET /connectors/NAME/status} answers it.
 *
 * @param name      the connector name
 * @param connector the connector's own state
 * @param tasks     its tasks' states, by id
 * @param type      {@code source} or {@code sink}
 */
public record ConnectorStateInfo(String name, ConnectorState connector, List<TaskState> tasks, String type) {

  /** The tasks, an empty list when the node sent none. */
  @Override
  public List<TaskState> tasks() {
    return tasks == null ? List.of() : tasks;
  }

  /** How many tasks are RUNNING. */
  public long runningTasks() {
    return tasks().stream().filter(task -> "RUNNING".equals(task.state())).count();
  }

  /**
   * The connector's state.
   *
   * @param state    UNASSIGNED, RUNNING, PAUSED, FAILED, RESTARTING or STOPPED
   * @param workerId the node that runs it
   * @param trace    why it failed; {@code null} unless FAILED
   */
  public record ConnectorState(String state, @JsonProperty("worker_id") String workerId, String trace) {}

  /**
   * A task's state.
   *
   * @param id       the task number
   * @param state    UNASSIGNED, RUNNING, PAUSED, FAILED or RESTARTING
   * @param workerId the node that runs it
   * @param trace    why it failed; {@code null} unless FAILED
   */
  public record TaskState(int id, String state, @JsonProperty("worker_id") String workerId, String trace) {}
}
