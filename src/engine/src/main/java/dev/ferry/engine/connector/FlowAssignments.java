package dev.ferry.engine.connector;

import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a discovery changes in a connector's flows, computed without side effects: flows found for
 * the first time get the next task ids (in key order), flows whose attributes changed (e.g. their
 * target topic) keep their task id, and flows no longer found are retired. Flows that did not
 * change are not mentioned, so a discovery that finds nothing new touches no running flow.
 *
 * @param added   new flows, and flows whose attributes changed, under their existing task id
 * @param retired keys of flows no longer found
 */
record FlowAssignments(List<FlowRef> added, List<String> retired) {

  /** The difference between a connector's current flows and what discovery found. */
  static FlowAssignments diff(List<FlowRef> current, int nextTaskId, List<FlowDescriptor> found) {
    Map<String, FlowRef> known = new HashMap<>();
    current.forEach(f -> known.put(f.key(), f));
    List<FlowDescriptor> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparing(FlowDescriptor::key, FlowAssignments::naturalOrder));
    List<FlowRef> added = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int taskId = nextTaskId;
    for (FlowDescriptor flow : sorted) {
      if (!seen.add(flow.key())) {
        continue; // a type listing a flow twice gets it once
      }
      FlowRef existing = known.get(flow.key());
      if (existing == null) {
        added.add(new FlowRef(taskId++, flow));
      } else if (!existing.flow().equals(flow)) {
        added.add(new FlowRef(existing.taskId(), flow));
      }
    }
    List<String> retired = current.stream().map(FlowRef::key).filter(key -> !seen.contains(key)).toList();
    return new FlowAssignments(List.copyOf(added), retired);
  }

  /** Whether the discovery changes nothing. */
  boolean isEmpty() {
    return added.isEmpty() && retired.isEmpty();
  }

  /**
   * Keys in order segment by segment ({@code /}-separated), numeric segments as numbers: for Kafka
   * flows that is topic, then partition ({@code t/2} before {@code t/10}, {@code a/0} before {@code a-b/0}).
   */
  static int naturalOrder(String a, String b) {
    String[] x = a.split("/", -1);
    String[] y = b.split("/", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int order = x[i].matches("\\d{1,18}") && y[i].matches("\\d{1,18}")
          ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
