package dev.ferry.engine.flow;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.FlowSettings;
import dev.ferry.engine.connector.PlanCache;
import dev.ferry.engine.metrics.FerryMetrics;
import dev.ferry.engine.metrics.FlowMeters;
import dev.ferry.engine.persistence.JournalHealth;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.FlowControl;
import dev.ferry.engine.spi.FlowGraph;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.Position;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.japi.Pair;

/**
 * Runs one flow's graph for its {@link FlowEntity}: a child actor with one behavior per phase —
 * {@code idle} → {@code starting} → {@code running} → {@code draining}, and {@code backingOff}
 * after a failure. The entity says what should run ({@link Desire}); the runner brings the graph
 * in line, draining before every stop so in-flight records are checkpointed, and reports each phase
 * change back ({@link Report}) so the entity answers status queries without waiting.
 *
 * <p>Every start asks the entity for the position persisted at that moment, so a restart after a
 * drain continues exactly after the drained graph's last checkpoint. Each graph run has a number:
 * late messages of an earlier run (its termination, a start that was overtaken) are ignored. When
 * the runner stops (its entity stops) a running graph is told to stop consuming.
 */
final class FlowRunner {

  /** What a runner understands. */
  sealed interface Command {}

  /** What should run: a flow at a config revision, or nothing (null). */
  record Desire(Wanted wanted) implements Command {}

  /** The flow and config revision the entity wants running. */
  record Wanted(FlowRef flow, int revision) {}

  /** Restarts the graph (from the persisted position); with onlyIfFailed only while backing off. */
  record Restart(boolean onlyIfFailed) implements Command {}

  /** The entity's answer to {@link FlowEntity.GetResumePoint}. */
  record ResumePoint(Position position, boolean movedByOperator) {}

  private record Started(long run, FlowControl control, CompletionStage<Done> done, FlowMeters meters)
      implements Command {}

  private record Ready(long run, ConnectorPlan plan, FlowGraph graph, Position start) implements Command {}

  private record StartFailed(long run, String trace) implements Command {}

  private record GraphEnded(long run, String failureTrace) implements Command {}

  private record DrainTimedOut(long run) implements Command {}

  private record RetryStart(long run) implements Command {}

  private record CheckStall(long run) implements Command {}

  /** Phases as the entity sees them. */
  enum Phase { IDLE, STARTING, RUNNING, DRAINING, BACKING_OFF }

  /**
   * A phase change.
   *
   * @param phase the runner's phase now
   * @param trace the failure trace while backing off, else null
   */
  record Report(Phase phase, String trace) {
    static Report idle() {
      return new Report(Phase.IDLE, null);
    }

    /** Running, but its writes have waited too long for the target (the trace says which): shown FAILED. */
    boolean stalled() {
      return phase == Phase.RUNNING && trace != null;
    }

    /** A graph is starting, running or draining: the persisted position may still advance. */
    boolean busy() {
      return phase == Phase.STARTING || phase == Phase.RUNNING || phase == Phase.DRAINING;
    }

    boolean failed() {
      return phase == Phase.BACKING_OFF;
    }
  }

  private final FlowId id;
  private final ActorRef<FlowEntity.Command> entity;
  private final EngineSettings settings;
  private final FlowSettings flowSettings;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private long run;
  private int consecutiveFailures;
  private Phase reported;
  private String reportedTrace;

  static Behavior<Command> create(FlowId id, ActorRef<FlowEntity.Command> entity, EngineSettings settings) {
    // Its lines name the connector and flow too (logback's %X, JSON logs' "mdc").
    return Behaviors.withMdc(Command.class, java.util.Map.of("connector", id.connector(), "flow", id.toString()),
        Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
            new FlowRunner(id, entity, settings, ctx, timers).idle())));
  }

  private FlowRunner(FlowId id, ActorRef<FlowEntity.Command> entity, EngineSettings settings,
                     ActorContext<Command> context, TimerScheduler<Command> timers) {
    this.id = id;
    this.entity = entity;
    this.settings = settings;
    this.flowSettings = settings.flow();
    this.context = context;
    this.timers = timers;
  }

  // ---------------------------------------------------------------- idle

  private Behavior<Command> idle() {
    report(Phase.IDLE, null);
    return Behaviors.receive(Command.class)
        .onMessage(Desire.class, d -> d.wanted() == null ? Behaviors.same() : starting(d.wanted()))
        .onMessage(Restart.class, r -> Behaviors.same())
        .build();
  }

  // ---------------------------------------------------------------- starting

  private Behavior<Command> starting(Wanted wanted) {
    // A graph that cannot checkpoint would only copy records to copy again: wait for the journal instead.
    String journalProblem = JournalHealth.get(context.getSystem()).problem();
    if (journalProblem != null) {
      return backingOff(wanted, "Flow " + id + " cannot start: " + journalProblem);
    }
    long thisRun = ++run;
    report(Phase.STARTING, null);
    CompletionStage<Ready> ready = AskPattern.<FlowEntity.Command, ResumePoint>ask(entity,
            FlowEntity.GetResumePoint::new, settings.askTimeout(), context.getSystem().scheduler())
        .thenCompose(resume -> PlanCache.get(context.getSystem()).plan(id.connector(), wanted.revision())
            .thenCompose(plan -> {
              FlowGraph graph = plan.flowGraph(flowRef(wanted), context.getSystem());
              return graph.startPosition(resume.position(), resume.movedByOperator())
                  .thenApply(start -> new Ready(thisRun, plan, graph, start));
            }));
    context.pipeToSelf(ready, (r, error) -> error == null ? r
        : new StartFailed(thisRun, FlowFailures.trace("Cannot start flow " + id, error)));
    return Behaviors.receive(Command.class)
        .onMessage(Ready.class, r -> r.run() == run, r -> materialize(wanted, r))
        .onMessage(StartFailed.class, f -> f.run() == run, f -> backingOff(wanted, f.trace()))
        .onMessage(Desire.class, d -> {
          if (wanted.equals(d.wanted())) {
            return Behaviors.same();
          }
          return d.wanted() == null ? idleAfterCancel() : starting(d.wanted());
        })
        .onMessage(Restart.class, r -> r.onlyIfFailed() ? Behaviors.same() : starting(wanted))
        .onAnyMessage(stale -> Behaviors.same())
        .build();
  }

  private Behavior<Command> idleAfterCancel() {
    run++; // the pending start's answers are stale now
    return idle();
  }

  private Behavior<Command> materialize(Wanted wanted, Ready ready) {
    FlowRef ref = flowRef(wanted);
    FlowMeters meters = FerryMetrics.get(context.getSystem()).flowMeters(id, ready.plan().metricTags(ref));
    try {
      Duration askTimeout = settings.askTimeout();
      Pair<FlowControl, CompletionStage<Done>> running = CheckpointedGraph.run(
          ready.graph().from(ready.start()), flowSettings,
          progress -> AskPattern.<FlowEntity.Command, Done>ask(entity,
              replyTo -> new FlowEntity.Checkpoint(progress, replyTo), askTimeout, context.getSystem().scheduler()),
          meters, context.getSystem());
      context.getLog().info("Flow {} started at {} on {}", id, ready.start().offset(), settings.workerId());
      return running(wanted, new Started(run, running.first(), running.second(), meters), ready.plan());
    } catch (RuntimeException e) {
      meters.close();
      return backingOff(wanted, FlowFailures.trace("Cannot start flow " + id, e));
    }
  }

  // ---------------------------------------------------------------- running

  private Behavior<Command> running(Wanted wanted, Started graph, ConnectorPlan plan) {
    long thisRun = graph.run();
    long startedAt = System.nanoTime();
    report(Phase.RUNNING, null);
    context.pipeToSelf(graph.done(), (done, error) -> new GraphEnded(thisRun,
        error == null ? null : FlowFailures.trace("Flow " + id + " failed", error)));
    timers.startSingleTimer(CheckStall.class, new CheckStall(thisRun), stallCheckInterval());
    return Behaviors.receive(Command.class)
        .onMessage(CheckStall.class, c -> c.run() == thisRun, c -> {
          // Writes the target leaves unacknowledged beyond stall-timeout show in status (it keeps waiting).
          String stall = graph.control().stall(flowSettings.stallTimeout());
          report(Phase.RUNNING, stall == null ? null : "Flow " + id + " is stalled: " + stall);
          timers.startSingleTimer(CheckStall.class, new CheckStall(thisRun), stallCheckInterval());
          return Behaviors.same();
        })
        .onMessage(GraphEnded.class, e -> e.run() == thisRun, e -> {
          graph.meters().close();
          if (Duration.ofNanos(System.nanoTime() - startedAt).compareTo(flowSettings.restartBackoffMax()) > 0) {
            consecutiveFailures = 0;
          }
          if (e.failureTrace() != null) {
            return backingOff(wanted, e.failureTrace());
          }
          if (plan.boundedFlows()) {
            entity.tell(new FlowEntity.GraphFinished());
            return idle();
          }
          return backingOff(wanted, "Flow " + id + " failed: its graph completed although its source is unbounded");
        })
        .onMessage(Desire.class, d -> wanted.equals(d.wanted()) ? Behaviors.same() : draining(graph, d.wanted()))
        .onMessage(Restart.class, r -> {
          if (r.onlyIfFailed()) {
            return Behaviors.same();
          }
          consecutiveFailures = 0;
          return draining(graph, wanted);
        })
        .onSignal(PostStop.class, stop -> {
          graph.control().stopConsuming();
          graph.meters().close();
          return Behaviors.same();
        })
        .onAnyMessage(stale -> Behaviors.same())
        .build();
  }

  // ---------------------------------------------------------------- draining

  /** Stops the graph's source and waits until its in-flight records are checkpointed; then runs {@code next}. */
  private Behavior<Command> draining(Started graph, Wanted next) {
    report(Phase.DRAINING, null);
    graph.control().stopConsuming();
    timers.startSingleTimer(DrainTimedOut.class, new DrainTimedOut(graph.run()), flowSettings.drainTimeout());
    return drainingUntilEnded(graph, next);
  }

  private Behavior<Command> drainingUntilEnded(Started graph, Wanted next) {
    return Behaviors.receive(Command.class)
        .onMessage(GraphEnded.class, e -> e.run() == graph.run(), e -> afterDrain(graph, next))
        .onMessage(DrainTimedOut.class, t -> t.run() == graph.run(), t -> {
          context.getLog().warn("Flow {} did not drain within {}; records after its last checkpoint will be read again",
              id, flowSettings.drainTimeout());
          return afterDrain(graph, next);
        })
        .onMessage(Desire.class, d -> drainingUntilEnded(graph, d.wanted()))
        .onMessage(Restart.class, r -> Behaviors.same())
        .onSignal(PostStop.class, stop -> {
          graph.meters().close();
          return Behaviors.same();
        })
        .onAnyMessage(stale -> Behaviors.same())
        .build();
  }

  private Behavior<Command> afterDrain(Started graph, Wanted next) {
    timers.cancel(DrainTimedOut.class);
    graph.meters().close();
    run++; // a late end of the drained graph is stale now
    return next == null ? idle() : starting(next);
  }

  // ---------------------------------------------------------------- backing off

  private Behavior<Command> backingOff(Wanted wanted, String failure) {
    // A trace may quote the config (a JDBC URL, a JAAS line): its secrets never reach status or logs.
    String trace = PlanCache.get(context.getSystem()).redact(id.connector(), failure);
    consecutiveFailures++;
    long thisRun = ++run;
    Duration delay = FlowFailures.backoff(flowSettings, consecutiveFailures);
    context.getLog().warn("Flow {} failed (attempt {}), restarting in {}: {}", id, consecutiveFailures, delay,
        trace.lines().findFirst().orElse(""));
    report(Phase.BACKING_OFF, trace);
    timers.startSingleTimer(RetryStart.class, new RetryStart(thisRun), delay);
    return Behaviors.receive(Command.class)
        .onMessage(RetryStart.class, r -> r.run() == thisRun, r -> starting(wanted))
        .onMessage(Desire.class, d -> {
          if (wanted.equals(d.wanted())) {
            return Behaviors.same();
          }
          timers.cancel(RetryStart.class);
          consecutiveFailures = 0;
          return d.wanted() == null ? idleAfterCancel() : starting(d.wanted());
        })
        .onMessage(Restart.class, r -> {
          timers.cancel(RetryStart.class);
          consecutiveFailures = 0;
          return starting(wanted);
        })
        .onAnyMessage(stale -> Behaviors.same())
        .build();
  }

  // ---------------------------------------------------------------- helpers

  private void report(Phase phase, String trace) {
    if (phase != reported || trace != null || reportedTrace != null) {
      boolean sameStall = phase == reported && phase == Phase.RUNNING && java.util.Objects.equals(trace, reportedTrace);
      reported = phase;
      reportedTrace = trace;
      if (!sameStall) {
        entity.tell(new FlowEntity.RunnerReport(new Report(phase, trace)));
      }
    }
  }

  /** A fraction of stall-timeout, so a stall shows within about a tenth of it after it began. */
  private Duration stallCheckInterval() {
    Duration tenth = flowSettings.stallTimeout().dividedBy(10);
    return tenth.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : tenth;
  }

  private static FlowRef flowRef(Wanted wanted) {
    return wanted.flow();
  }
}
