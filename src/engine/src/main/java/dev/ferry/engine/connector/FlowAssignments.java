package dev.ferry.engine.connector;

import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a discovery changes in a connector's flows, computed without side effects: flows found for
 * the first time get the next task ids (in topic, partition order), flows whose target topic
 * changed keep their task id, and flows no longer found are retired. Flows that did not change
 * are not mentioned, so a discovery that finds nothing new touches no running flow.
 *
 * @param added   new flows, and flows re-targeted under their existing task id
 * @param retired flows no longer selected
 */
record FlowAssignments(List<ConnectorEntity.FlowRef> added, List<FlowId> retired) {

  /** The difference between a connector's current flows and what discovery found. */
  static FlowAssignments diff(List<ConnectorEntity.FlowRef> current, int nextTaskId, List<FlowSpec> found) {
    Map<FlowId, ConnectorEntity.FlowRef> known = new HashMap<>();
    current.forEach(f -> known.put(f.id(), f));
    List<FlowSpec> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparing((FlowSpec s) -> s.id().topic()).thenComparingInt(s -> s.id().partition()));
    List<ConnectorEntity.FlowRef> added = new ArrayList<>();
    Set<FlowId> seen = new HashSet<>();
    int taskId = nextTaskId;
    for (FlowSpec spec : sorted) {
      seen.add(spec.id());
      ConnectorEntity.FlowRef existing = known.get(spec.id());
      if (existing == null) {
        added.add(new ConnectorEntity.FlowRef(taskId++, spec.id(), spec.targetTopic()));
      } else if (!existing.targetTopic().equals(spec.targetTopic())) {
        added.add(new ConnectorEntity.FlowRef(existing.taskId(), spec.id(), spec.targetTopic()));
      }
    }
    List<FlowId> retired = current.stream().map(ConnectorEntity.FlowRef::id).filter(id -> !seen.contains(id)).toList();
    return new FlowAssignments(List.copyOf(added), retired);
  }

  boolean isEmpty() {
    return added.isEmpty() && retired.isEmpty();
  }
}
