package dev.ferry.cli;

import java.util.Map;

/**
 * Kafka Connect's TaskInfo, one element of {@code GET /connectors/NAME/tasks}. In Ferry a task is
 * one source topic-partition flow; its config names it in {@value #PARTITION_KEY} and
 * {@value #TARGET_TOPIC_KEY}.
 *
 * @param id     the task's id
 * @param config the task's config
 */
public record TaskInfo(ConnectorInfo.TaskId id, Map<String, String> config) {

  /** The task config key naming the source topic-partition, e.g. {@code orders-0}. */
  public static final String PARTITION_KEY = "partition.assignment";
  /** The task config key naming the topic it writes to. */
  public static final String TARGET_TOPIC_KEY = "target.topic";
}
