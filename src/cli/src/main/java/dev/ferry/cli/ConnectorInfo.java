package dev.ferry.cli;

import java.util.List;
import java.util.Map;

/**
 * Kafka Connect's ConnectorInfo, as {@code GET /connectors/NAME} answers it.
 *
 * @param name   the connector name
 * @param config the flat config
 * @param tasks  the connector's tasks
 * @param type   {@code source} or {@code sink}
 */
public record ConnectorInfo(String name, Map<String, String> config, List<TaskId> tasks, String type) {

  /**
   * A task's id.
   *
   * @param connector the connector name
   * @param task      the task number
   */
  public record TaskId(String connector, int task) {}
}
