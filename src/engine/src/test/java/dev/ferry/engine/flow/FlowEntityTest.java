package dev.ferry.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.connector.PlanCache;
import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.Position;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The flow entity's promises, against a fake graph: it checkpoints in batches up to the last
 * acknowledged offset, resumes from the persisted offset after a restart, drains on pause, and
 * reports a failure as FAILED before restarting from its last checkpoint, and resumes from an
 * offset an operator moved while it was stopped.
 */
class FlowEntityTest {

  private static final Config CONFIG = ConfigFactory.parseString("""
      pekko.persistence.journal.plugin = "pekko.persistence.journal.inmem"
      pekko.persistence.snapshot-store.plugin = "pekko.persistence.snapshot-store.local"
      pekko.persistence.snapshot-store.local.dir = "target/snapshots-flow-entity-test"
      pekko.actor.serialization-bindings { "dev.ferry.engine.JsonSerializable" = jackson-json }
      pekko.actor.serialize-messages = off
      ferry.flow.checkpoint-max-records = 100
      ferry.flow.checkpoint-interval = 200ms
      ferry.flow.restart-backoff-min = 100ms
      ferry.flow.restart-backoff-max = 200ms
      """).withFallback(ConfigFactory.load());
  private static final ActorTestKit TESTKIT = ActorTestKit.create(CONFIG);
  private static final EngineSettings SETTINGS = EngineSettings.create(CONFIG);

  @AfterAll
  static void shutdown() {
    TESTKIT.shutdownTestKit();
  }

  /** A flow of its own connector (named after the key), whose config revision 1 the plan cache holds. */
  private record Spec(FlowId id, FlowRef flow) {}

  private static Spec spec(String key, long records, long failAt) {
    String connector = "c-" + key;
    PlanCache.get(TESTKIT.system()).revision(connector, 1, Map.of(
        "connector.class", "dev.ferry.test.FakeSourceConnector",
        "fake.records", String.valueOf(records),
        "fake.fail-at", String.valueOf(failAt)));
    return new Spec(new FlowId(connector, key), new FlowRef(0, new FlowDescriptor(key, Map.of("topic", key))));
  }

  private static ActorRef<FlowEntity.Command> spawn(Spec spec) {
    TestProbe<ClusterSharding.ShardCommand> shard = TESTKIT.createTestProbe();
    return TESTKIT.spawn(FlowEntity.create(
        new EntityContext<>(FlowEntity.TYPE_KEY, spec.id().entityId(), shard.ref()), SETTINGS));
  }

  private static long next(FlowStatus status) {
    return status.position() == null ? -1 : status.position().getLong(FakeConnectorType.NEXT, -1);
  }

  private static FlowStatus status(ActorRef<FlowEntity.Command> flow) {
    TestProbe<FlowStatus> probe = TESTKIT.createTestProbe();
    flow.tell(new FlowEntity.GetStatus(probe.ref()));
    return probe.receiveMessage(Duration.ofSeconds(15));
  }

  private static void assign(ActorRef<FlowEntity.Command> flow, Spec spec, TargetState target) {
    TestProbe<Done> done = TESTKIT.createTestProbe();
    flow.tell(new FlowEntity.Assign(spec.flow(), 1, target, done.ref()));
    done.receiveMessage(Duration.ofSeconds(15));
  }

  private static void awaitOffset(ActorRef<FlowEntity.Command> flow, long offset) {
    TestProbe<Object> probe = TESTKIT.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(offset, next(status(flow)), "persisted position reaches " + offset);
      return null;
    });
  }

  @Test
  void checkpointsInBatchesUpToTheLastAcknowledgedOffset() {
    String topic = "batch-" + UUID.randomUUID();
    Spec spec = spec(topic, 2_500, -1);
    ActorRef<FlowEntity.Command> flow = spawn(spec);
    assign(flow, spec, TargetState.RUNNING);
    awaitOffset(flow, 2_500);
    FlowStatus status = status(flow);
    assertEquals(2_500, status.recordsReplicated(), "every acknowledged record counted exactly once");
    assertEquals("RUNNING", status.state(), "still running, waiting for more records");
    assertEquals(List.of(0L), FakeConnectorType.STARTS.get(topic), "started once, from the initial offset");
  }

  @Test
  void resumesFromThePersistedOffsetAfterARestart() {
    String topic = "restart-" + UUID.randomUUID();
    Spec spec = spec(topic, 700, -1);
    ActorRef<FlowEntity.Command> first = spawn(spec);
    assign(first, spec, TargetState.RUNNING);
    awaitOffset(first, 700);
    TESTKIT.stop(first);

    ActorRef<FlowEntity.Command> second = spawn(spec);
    TestProbe<Object> probe = TESTKIT.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(List.of(0L, 700L), FakeConnectorType.STARTS.get(topic),
          "the recovered entity restarts by itself from its persisted offset");
      return null;
    });
    assertEquals(700, status(second).recordsReplicated(), "counters survive the restart");
  }

  @Test
  void pauseDrainsTheGraphAndKeepsTheOffset() {
    String topic = "pause-" + UUID.randomUUID();
    Spec spec = spec(topic, 300, -1);
    ActorRef<FlowEntity.Command> flow = spawn(spec);
    assign(flow, spec, TargetState.RUNNING);
    awaitOffset(flow, 300);
    assign(flow, spec, TargetState.PAUSED);
    TestProbe<Object> probe = TESTKIT.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals("PAUSED", status(flow).state(), "paused flows report PAUSED");
      return null;
    });
    assertTrue(FakeConnectorType.STOPPED.get(topic).get(), "pausing stopped the graph's source");
    assign(flow, spec, TargetState.RUNNING);
    probe.awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(List.of(0L, 300L), FakeConnectorType.STARTS.get(topic), "resume starts at the persisted offset");
      return null;
    });
  }

  @Test
  void aFailingGraphIsReportedFailedAndRestartsFromItsLastCheckpoint() {
    String topic = "fail-" + UUID.randomUUID();
    Spec spec = spec(topic, 1_000, 550);
    ActorRef<FlowEntity.Command> flow = spawn(spec);
    assign(flow, spec, TargetState.RUNNING);
    awaitOffset(flow, 1_000);
    List<Long> starts = FakeConnectorType.STARTS.get(topic);
    assertEquals(2, starts.size(), "one restart after the failure: " + starts);
    assertTrue(starts.get(1) > 0 && starts.get(1) <= 550,
        "restarted from a checkpoint taken before the failed record, not from scratch: " + starts);
    assertEquals("RUNNING", status(flow).state(), "the flow runs again after its failure");
  }

  private static StatusReply<Done> moveOffset(ActorRef<FlowEntity.Command> flow, Long nextOffset) {
    TestProbe<StatusReply<Done>> probe = TESTKIT.createTestProbe();
    flow.tell(new FlowEntity.MovePosition(nextOffset == null ? null : Position.of(FakeConnectorType.NEXT, nextOffset),
        probe.ref()));
    return probe.receiveMessage(Duration.ofSeconds(10));
  }

  private static void remove(ActorRef<FlowEntity.Command> flow) {
    TestProbe<Done> done = TESTKIT.createTestProbe();
    flow.tell(new FlowEntity.Remove(false, done.ref()));
    done.receiveMessage(Duration.ofSeconds(15));
  }

  @Test
  void resumesFromAnOffsetMovedWhileStopped() {
    String topic = "move-" + UUID.randomUUID();
    Spec spec = spec(topic, 300, -1);
    ActorRef<FlowEntity.Command> flow = spawn(spec);
    assign(flow, spec, TargetState.RUNNING);
    awaitOffset(flow, 300);

    StatusReply<Done> refused = moveOffset(flow, 100L);
    assertTrue(refused.isError(), "a running flow refuses to move its offset: " + refused);
    assertTrue(refused.getError().getMessage().contains("STOPPED"), "the refusal says why: " + refused.getError());

    remove(flow); // what a connector stop sends: drains, remembers STOPPED
    StatusReply<Done> moved = moveOffset(flow, 100L);
    assertTrue(moved.isSuccess(), "a stopped flow moves its offset: " + moved);
    assertEquals(100, next(status(flow)), "the moved offset is the persisted resume point");

    assign(flow, spec, TargetState.RUNNING);
    awaitOffset(flow, 300);
    assertEquals(List.of(0L, 100L), FakeConnectorType.STARTS.get(topic), "resumed at the moved offset");
  }

  @Test
  void resetOffsetRestartsFromTheInitialOffsetAndSurvivesARestart() {
    String topic = "reset-" + UUID.randomUUID();
    Spec spec = spec(topic, 200, -1);
    ActorRef<FlowEntity.Command> first = spawn(spec);
    assign(first, spec, TargetState.RUNNING);
    awaitOffset(first, 200);
    remove(first);
    assertTrue(moveOffset(first, null).isSuccess(), "a stopped flow resets its offset");
    TESTKIT.stop(first);

    ActorRef<FlowEntity.Command> second = spawn(spec);
    assertEquals(-1, next(status(second)), "the reset survives recovery");
    assertEquals("STOPPED", status(second).state(), "a recovered stopped flow stays stopped");
    assertEquals(List.of(0L), FakeConnectorType.STARTS.get(topic), "waking a stopped flow does not start it");
    assign(second, spec, TargetState.RUNNING);
    awaitOffset(second, 200);
    assertEquals(List.of(0L, 0L), FakeConnectorType.STARTS.get(topic), "restarted from the initial offset");
  }
}
