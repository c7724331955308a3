package dev.ferry.engine.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowAssignmentsTest {

  private static FlowSpec spec(String topic, int partition, String target) {
    return new FlowSpec(new FlowId("c", topic, partition), target, Map.of());
  }

  private static ConnectorEntity.FlowRef ref(int task, String topic, int partition, String target) {
    return new ConnectorEntity.FlowRef(task, new FlowId("c", topic, partition), target);
  }

  @Test
  void newFlowsGetTheNextTaskIdsInTopicPartitionOrder() {
    FlowAssignments changes = FlowAssignments.diff(List.of(), 0,
        List.of(spec("b", 0, "b.r"), spec("a", 1, "a.r"), spec("a", 0, "a.r")));
    assertEquals(List.of(ref(0, "a", 0, "a.r"), ref(1, "a", 1, "a.r"), ref(2, "b", 0, "b.r")), changes.added(),
        "task ids follow topic then partition");
    assertTrue(changes.retired().isEmpty(), "nothing to retire on the first discovery");
  }

  @Test
  void aDiscoveryThatFindsNothingNewChangesNothing() {
    List<ConnectorEntity.FlowRef> current = List.of(ref(0, "a", 0, "a.r"), ref(1, "a", 1, "a.r"));
    FlowAssignments changes = FlowAssignments.diff(current, 2, List.of(spec("a", 1, "a.r"), spec("a", 0, "a.r")));
    assertTrue(changes.isEmpty(), "running flows are left alone: " + changes);
  }

  @Test
  void addedPartitionsAndTopicsExtendTheTaskIdsAndMissingOnesRetire() {
    List<ConnectorEntity.FlowRef> current = List.of(ref(0, "a", 0, "a.r"), ref(1, "gone", 0, "gone.r"));
    FlowAssignments changes = FlowAssignments.diff(current, 2,
        List.of(spec("a", 0, "a.r"), spec("a", 1, "a.r"), spec("new", 0, "new.r")));
    assertEquals(List.of(ref(2, "a", 1, "a.r"), ref(3, "new", 0, "new.r")), changes.added(),
        "new partition and new topic get ids 2 and 3");
    assertEquals(List.of(new FlowId("c", "gone", 0)), changes.retired(), "a vanished topic's flow retires");
  }

  @Test
  void aRenamedTargetKeepsTheTaskId() {
    FlowAssignments changes = FlowAssignments.diff(List.of(ref(5, "a", 0, "a.old")), 6, List.of(spec("a", 0, "a.new")));
    assertEquals(List.of(ref(5, "a", 0, "a.new")), changes.added(), "same task, new target topic");
  }
}
