package dev.ferry.api;

import dev.ferry.engine.spi.FlowRef;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.connector.ConnectorEntity;
import dev.ferry.engine.connector.ConnectorSnapshot;
import dev.ferry.engine.connector.ConnectorStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Kafka Connect's connector entities as JSON, with the contract's exact field names and order:
 * ConnectorInfo, ConnectorStateInfo, task states and TaskInfo. A task is one flow (one source
 * topic-partition); {@code trace} appears only when there is one, tasks are sorted by id, and a
 * STOPPED connector shows no tasks.
 */
final class ConnectorViews {

  private ConnectorViews() {}

  /** ConnectorInfo: {@code {"name","config","tasks":[{"connector","task"}],"type"}}. */
  static ObjectNode info(ConnectorSnapshot snapshot) {
    ObjectNode info = Json.MAPPER.createObjectNode();
    info.put("name", snapshot.name());
    info.set("config", config(snapshot.config()));
    ArrayNode tasks = info.putArray("tasks");
    if (snapshot.target() != TargetState.STOPPED) {
      snapshot.flows().stream().sorted(Comparator.comparingInt(FlowRef::taskId)).forEach(flow -> {
        ObjectNode task = tasks.addObject();
        task.put("connector", snapshot.name());
        task.put("task", flow.taskId());
      });
    }
    info.put("type", snapshot.type());
    return info;
  }

  /** Active topics (KIP-558): {@code {"<name>":{"topics":[...]}}}, the source topics the connector's flows ran on. */
  static ObjectNode topics(ConnectorSnapshot snapshot) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode topics = out.putObject(snapshot.name()).putArray("topics");
    snapshot.topicsUsed().forEach(topics::add);
    return out;
  }

  /** A config map as a JSON object, keys sorted. */
  static ObjectNode config(Map<String, String> config) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    new TreeMap<>(config).forEach(node::put);
    return node;
  }

  /** ConnectorStateInfo as the connector and its flows report it. */
  static ObjectNode status(ConnectorStatus status) {
    return status(status, false, task -> false);
  }

  /**
   * ConnectorStateInfo where the connector and/or the given tasks are shown RESTARTING (the answer
   * to a restart with {@code includeTasks} or {@code onlyFailed}).
   */
  static ObjectNode status(ConnectorStatus status, boolean connectorRestarting,
                           Predicate<ConnectorStatus.TaskStatus> taskRestarting) {
    ConnectorSnapshot snapshot = status.connector();
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("name", snapshot.name());
    ObjectNode connector = out.putObject("connector");
    connector.put("state", connectorRestarting ? "RESTARTING" : status.connectorState());
    connector.put("worker_id", snapshot.workerId());
    if (!connectorRestarting && snapshot.failureTrace() != null) {
      connector.put("trace", snapshot.failureTrace());
    }
    ArrayNode tasks = out.putArray("tasks");
    sorted(status.tasks()).forEach(task -> tasks.add(taskState(task, taskRestarting.test(task))));
    out.put("type", snapshot.type());
    return out;
  }

  /** One task's state: {@code {"id","state","worker_id","trace"?}}. */
  static ObjectNode taskState(ConnectorStatus.TaskStatus task, boolean restarting) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", task.flow().taskId());
    node.put("state", restarting ? "RESTARTING" : task.status().state());
    node.put("worker_id", task.status().workerId());
    if (!restarting && task.status().trace() != null) {
      node.put("trace", task.status().trace());
    }
    return node;
  }

  /** TaskInfo list: {@code [{"id":{"connector","task"},"config":{...}}]}, sorted by task id. */
  static ArrayNode taskInfos(String connector, List<Map.Entry<Integer, Map<String, String>>> taskConfigs) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    taskConfigs.stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
      ObjectNode task = out.addObject();
      ObjectNode id = task.putObject("id");
      id.put("connector", connector);
      id.put("task", entry.getKey());
      task.set("config", config(entry.getValue()));
    });
    return out;
  }

  private static List<ConnectorStatus.TaskStatus> sorted(List<ConnectorStatus.TaskStatus> tasks) {
    return tasks.stream().sorted(Comparator.comparingInt(t -> t.flow().taskId())).toList();
  }
}
