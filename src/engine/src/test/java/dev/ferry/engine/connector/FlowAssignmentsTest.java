package dev.ferry.engine.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowAssignmentsTest {

  private static FlowDescriptor spec(String topic, int partition, String target) {
    return new FlowDescriptor(topic + "/" + partition,
        Map.of("topic", topic, "partition", String.valueOf(partition), "target.topic", target));
  }

  private static FlowRef ref(int task, String topic, int partition, String target) {
    return new FlowRef(task, spec(topic, partition, target));
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
    List<FlowRef> current = List.of(ref(0, "a", 0, "a.r"), ref(1, "a", 1, "a.r"));
    FlowAssignments changes = FlowAssignments.diff(current, 2, List.of(spec("a", 1, "a.r"), spec("a", 0, "a.r")));
    assertTrue(changes.isEmpty(), "running flows are left alone: " + changes);
  }

  @Test
  void addedPartitionsAndTopicsExtendTheTaskIdsAndMissingOnesRetire() {
    List<FlowRef> current = List.of(ref(0, "a", 0, "a.r"), ref(1, "gone", 0, "gone.r"));
    FlowAssignments changes = FlowAssignments.diff(current, 2,
        List.of(spec("a", 0, "a.r"), spec("a", 1, "a.r"), spec("new", 0, "new.r")));
    assertEquals(List.of(ref(2, "a", 1, "a.r"), ref(3, "new", 0, "new.r")), changes.added(),
        "new partition and new topic get ids 2 and 3");
    assertEquals(List.of("gone/0"), changes.retired(), "a vanished topic's flow retires");
  }

  @Test
  void partitionsSortAsNumbersAndTopicsBeforeLongerTopics() {
    FlowAssignments changes = FlowAssignments.diff(List.of(), 0,
        List.of(spec("a-b", 0, "x"), spec("a", 10, "x"), spec("a", 2, "x")));
    assertEquals(List.of(ref(0, "a", 2, "x"), ref(1, "a", 10, "x"), ref(2, "a-b", 0, "x")), changes.added(),
        "topic a's partitions 2 then 10, then topic a-b");
  }

  @Test
  void aRenamedTargetKeepsTheTaskId() {
    FlowAssignments changes = FlowAssignments.diff(List.of(ref(5, "a", 0, "a.old")), 6, List.of(spec("a", 0, "a.new")));
    assertEquals(List.of(ref(5, "a", 0, "a.new")), changes.added(), "same task, new target topic");
  }
}
