package dev.ferry.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.connector.PlanCache;
import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.Position;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The runner's phases, against a stand-in for its entity (which answers resume points and
 * checkpoints, and hands every phase report to a probe) and the fake connector type: idle →
 * starting → running; draining on a new desire; backing off after a failure and starting again;
 * restarts; a bounded graph that finishes; and a drain that times out.
 */
class FlowRunnerTest {

  private static final Config CONFIG = ConfigFactory.parseString("""
      ferry.flow.checkpoint-max-records = 50
      ferry.flow.checkpoint-interval = 100ms
      ferry.flow.restart-backoff-min = 100ms
      ferry.flow.restart-backoff-max = 200ms
      ferry.flow.drain-timeout = 1s
      """).withFallback(ConfigFactory.load());
  private static final ActorTestKit TESTKIT = ActorTestKit.create(CONFIG);
  private static final EngineSettings SETTINGS = EngineSettings.create(CONFIG);

  @AfterAll
  static void shutdown() {
    TESTKIT.shutdownTestKit();
  }

  /** A runner of its own fake connector, the entity's stand-in, and the reports it got. */
  private record Rig(String connector, ActorRef<FlowRunner.Command> runner, TestProbe<FlowRunner.Report> reports,
                     TestProbe<Object> finished, FlowRunner.Wanted wanted, AtomicReference<Position> persisted) {

    FlowRunner.Report next() {
      return reports.receiveMessage(Duration.ofSeconds(10));
    }

    FlowRunner.Report awaitPhase(FlowRunner.Phase phase) {
      FlowRunner.Report report = next();
      while (report.phase() != phase) {
        report = next();
      }
      return report;
    }
  }

  private static Rig rig(Map<String, String> fakeConfig) {
    String key = "runner-" + UUID.randomUUID();
    String connector = "c-" + key;
    java.util.Map<String, String> config = new java.util.HashMap<>(fakeConfig);
    config.put("connector.class", "dev.ferry.test.FakeSourceConnector");
    PlanCache.get(TESTKIT.system()).revision(connector, 1, config);
    TestProbe<FlowRunner.Report> reports = TESTKIT.createTestProbe();
    TestProbe<Object> finished = TESTKIT.createTestProbe();
    AtomicReference<Position> persisted = new AtomicReference<>();
    ActorRef<FlowEntity.Command> entity = TESTKIT.spawn(entityStandIn(reports.ref(), finished.ref(), persisted));
    ActorRef<FlowRunner.Command> runner = TESTKIT.spawn(FlowRunner.create(new FlowId(connector, key), entity, SETTINGS));
    FlowRunner.Wanted wanted = new FlowRunner.Wanted(new FlowRef(0, new FlowDescriptor(key, Map.of())), 1);
    Rig rig = new Rig(connector, runner, reports, finished, wanted, persisted);
    assertEquals(FlowRunner.Phase.IDLE, rig.next().phase(), "a new runner is idle");
    return rig;
  }

  private static Behavior<FlowEntity.Command> entityStandIn(ActorRef<FlowRunner.Report> reports, ActorRef<Object> finished,
                                                            AtomicReference<Position> persisted) {
    return Behaviors.receive(FlowEntity.Command.class)
        .onMessage(FlowEntity.GetResumePoint.class, m -> {
          m.replyTo().tell(new FlowRunner.ResumePoint(persisted.get(), false));
          return Behaviors.same();
        })
        .onMessage(FlowEntity.Checkpoint.class, m -> {
          persisted.set(m.progress().position());
          m.replyTo().tell(Done.getInstance());
          return Behaviors.same();
        })
        .onMessage(FlowEntity.RunnerReport.class, m -> {
          reports.tell(m.report());
          return Behaviors.same();
        })
        .onMessage(FlowEntity.GraphFinished.class, m -> {
          finished.tell(m);
          return Behaviors.same();
        })
        .build();
  }

  private static long next(AtomicReference<Position> persisted) {
    return persisted.get() == null ? -1 : persisted.get().getLong(FakeConnectorType.NEXT, -1);
  }

  @Test
  void startsWhenWantedAndDrainsWhenNotWantedAnyMore() {
    Rig rig = rig(Map.of("fake.records", "500"));
    rig.runner().tell(new FlowRunner.Desire(rig.wanted()));
    assertEquals(FlowRunner.Phase.STARTING, rig.next().phase(), "starting first");
    assertEquals(FlowRunner.Phase.RUNNING, rig.next().phase(), "then running");
    TestProbe<Object> probe = TESTKIT.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(500, next(rig.persisted()), "every record checkpointed");
      return null;
    });
    rig.runner().tell(new FlowRunner.Desire(null));
    assertEquals(FlowRunner.Phase.DRAINING, rig.next().phase(), "not wanted: drains");
    assertEquals(FlowRunner.Phase.IDLE, rig.next().phase(), "then idle");
    String key = rig.wanted().flow().key();
    assertTrue(FakeConnectorType.STOPPED.get(key).get(), "the graph was told to stop consuming");
  }

  @Test
  void aFailureBacksOffWithItsTraceThenStartsAgainFromTheLastCheckpoint() {
    Rig rig = rig(Map.of("fake.records", "400", "fake.fail-at", "250"));
    rig.runner().tell(new FlowRunner.Desire(rig.wanted()));
    FlowRunner.Report failed = rig.awaitPhase(FlowRunner.Phase.BACKING_OFF);
    assertTrue(failed.failed(), "backing off is reported as failed");
    assertTrue(failed.trace().contains("fake target refused record 250"), "with the cause: " + failed.trace());
    assertEquals(FlowRunner.Phase.STARTING, rig.next().phase(), "after the backoff it starts again");
    assertEquals(FlowRunner.Phase.RUNNING, rig.next().phase(), "and runs");
    List<Long> starts = FakeConnectorType.STARTS.get(rig.wanted().flow().key());
    assertEquals(2, starts.size(), "started twice: " + starts);
    assertTrue(starts.get(1) > 0 && starts.get(1) <= 250, "the second start is the last checkpoint: " + starts);
  }

  @Test
  void restartDrainsAndStartsAgainButOnlyIfFailedLeavesARunningGraphAlone() {
    Rig rig = rig(Map.of("fake.records", "100"));
    rig.runner().tell(new FlowRunner.Desire(rig.wanted()));
    rig.awaitPhase(FlowRunner.Phase.RUNNING);
    rig.runner().tell(new FlowRunner.Restart(true));
    rig.reports().expectNoMessage(Duration.ofMillis(300));
    rig.runner().tell(new FlowRunner.Restart(false));
    assertEquals(FlowRunner.Phase.DRAINING, rig.next().phase(), "a restart drains first");
    assertEquals(FlowRunner.Phase.STARTING, rig.next().phase(), "then starts");
    assertEquals(FlowRunner.Phase.RUNNING, rig.next().phase(), "and runs again");
    assertEquals(2, FakeConnectorType.STARTS.get(rig.wanted().flow().key()).size(), "two graph runs");
  }

  @Test
  void aNewRevisionWhileRunningRestartsWithIt() {
    Rig rig = rig(Map.of("fake.records", "100"));
    rig.runner().tell(new FlowRunner.Desire(rig.wanted()));
    rig.awaitPhase(FlowRunner.Phase.RUNNING);
    rig.runner().tell(new FlowRunner.Desire(rig.wanted()));
    rig.reports().expectNoMessage(Duration.ofMillis(300));
    FlowRunner.Wanted revision2 = new FlowRunner.Wanted(rig.wanted().flow(), 2);
    PlanCache.get(TESTKIT.system()).revision(rig.connector(), 2,
        Map.of("connector.class", "dev.ferry.test.FakeSourceConnector", "fake.records", "100"));
    rig.runner().tell(new FlowRunner.Desire(revision2));
    assertEquals(FlowRunner.Phase.DRAINING, rig.next().phase(), "another revision: drain");
    assertEquals(FlowRunner.Phase.STARTING, rig.next().phase(), "start it");
    assertEquals(FlowRunner.Phase.RUNNING, rig.next().phase(), "run it");
  }

  @Test
  void aBoundedGraphThatEndsIsFinishedNotFailed() {
    Rig rig = rig(Map.of("fake.records", "120", "fake.bounded", "true"));
    rig.runner().tell(new FlowRunner.Desire(rig.wanted()));
    rig.awaitPhase(FlowRunner.Phase.RUNNING);
    assertNotNull(rig.finished().receiveMessage(Duration.ofSeconds(10)), "the entity hears the flow finished");
    assertEquals(FlowRunner.Phase.IDLE, rig.next().phase(), "and the runner is idle, not failed");
    assertEquals(120, next(rig.persisted()), "after checkpointing every record");
  }

  @Test
  void aGraphThatDoesNotDrainIsAbandonedAfterTheDrainTimeout() {
    Rig rig = rig(Map.of("fake.records", "10", "fake.ignore-stop", "true"));
    rig.runner().tell(new FlowRunner.Desire(rig.wanted()));
    rig.awaitPhase(FlowRunner.Phase.RUNNING);
    rig.runner().tell(new FlowRunner.Desire(null));
    assertEquals(FlowRunner.Phase.DRAINING, rig.next().phase(), "drains");
    rig.reports().expectNoMessage(Duration.ofMillis(500));
    assertEquals(FlowRunner.Phase.IDLE, rig.reports().receiveMessage(Duration.ofSeconds(5)).phase(),
        "idle after the 1 s drain timeout although the graph never ended");
  }

  @Test
  void anUnboundedGraphThatEndsIsAFailure() {
    Rig rig = rig(Map.of("fake.records", "0", "fake.bounded", "true", "fake.plan-unbounded", "true"));
    rig.runner().tell(new FlowRunner.Desire(rig.wanted()));
    FlowRunner.Report report = rig.awaitPhase(FlowRunner.Phase.BACKING_OFF);
    assertTrue(report.trace().contains("completed although its source is unbounded"), "says why: " + report.trace());
  }
}
