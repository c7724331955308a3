package dev.ferry.engine.flow;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.FlowSettings;
import dev.ferry.engine.JsonSerializable;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.connector.ConnectorPlan;
import dev.ferry.engine.connector.ConnectorTypes;
import dev.ferry.engine.metrics.FlowMeters;
import dev.ferry.engine.metrics.FerryMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One source topic-partition of one connector: a cluster-sharded, event-sourced entity that runs
 * the partition's {@link FlowGraph} and persists how far the target has acknowledged it.
 *
 * <p>Lifecycle: its connector sends {@link Assign} (spec + target state); the entity persists it and
 * starts the graph from its persisted offset (or the graph's initial offset). The graph's
 * acknowledged progress is batched (every {@code checkpoint-max-records} records or
 * {@code checkpoint-interval}) and persisted as {@link OffsetCheckpointed} — offsets are only
 * ever persisted after the target acknowledged, so a crash can duplicate at most one checkpoint
 * window and never lose a record.
 *
 * <p>Rebalance, pause, config change and shutdown all drain: the source stops, in-flight records
 * finish, the final offset is persisted, and only then does the entity stop or restart, so a
 * graceful move produces no duplicates. A failed graph is restarted with exponential backoff and
 * reported FAILED with its trace meanwhile (and the trace's first line, naming the cause, logged
 * with the connector and flow in the MDC). Entities are remembered by sharding, so after a node
 * crash they restart elsewhere from their own persisted spec, without their connector. While its
 * graph runs on a node, the flow's {@link FlowMeters} are in that node's {@code /metrics}.
 */
public final class FlowEntity
    extends EventSourcedBehaviorWithEnforcedReplies<FlowEntity.Command, FlowEntity.Event, FlowEntity.State> {

  /** Sharding type key of flows. */
  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Flow");

  // ---------------------------------------------------------------- protocol

  /** Messages a flow understands. */
  public sealed interface Command extends JsonSerializable {}

  /** (Re)assigns the flow: its spec and what it should be doing. Idempotent. */
  public record Assign(FlowSpec spec, TargetState target, ActorRef<Done> replyTo) implements Command {}

  /** Restarts the graph from the persisted offset and clears a failure; with onlyIfFailed, only a FAILED flow. */
  public record Restart(boolean onlyIfFailed, ActorRef<Done> replyTo) implements Command {}

  /**
   * Stops the flow and passivates it. With {@code deleteOffsets} its persisted progress is wiped
   * (connector deleted); without, it is kept so the flow resumes if it is assigned again.
   */
  public record Remove(boolean deleteOffsets, ActorRef<Done> replyTo) implements Command {}

  /** Asks for the flow's {@link FlowStatus}. */
  public record GetStatus(ActorRef<FlowStatus> replyTo) implements Command {}

  /**
   * Moves the point the flow resumes from (the Connect offsets API): {@code nextOffset} is the next
   * source offset to copy, {@link #INITIAL_OFFSET} goes back to the graph's initial offset. Only
   * while the flow is stopped (its connector STOPPED): refused with an error reply when the flow is
   * assigned to run or pause; held back while a stopping graph drains, so the graph's last
   * checkpoint cannot overwrite the moved offset.
   */
  public record MoveOffset(long nextOffset, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** {@link MoveOffset}'s offset that resets the flow to its graph's initial offset. */
  public static final long INITIAL_OFFSET = -1;

  /** Sharding's stop message on hand-off and shutdown: drain, then stop. */
  public enum HandOff implements Command { INSTANCE }

  private record Checkpoint(FlowProgress progress, ActorRef<Done> replyTo) implements Command {}

  private record StartAt(long offset, long generation) implements Command {}

  private record StartFailed(String trace, long generation) implements Command {}

  private record GraphTerminated(String failureTrace, long generation) implements Command {}

  private record RetryStart(long generation) implements Command {}

  private record DrainTimedOut(long generation) implements Command {}

  // ---------------------------------------------------------------- events and state

  /** What a flow persists. */
  public sealed interface Event extends JsonSerializable {}

  /** The connector assigned (or re-assigned) the flow. */
  public record FlowAssigned(FlowSpec spec, TargetState target) implements Event {}

  /** The target acknowledged every record before {@code nextOffset}. */
  public record OffsetCheckpointed(long nextOffset, long records, long bytes, long sourceTimestamp)
      implements Event {}

  /** The flow's progress was wiped (its connector was deleted). */
  public record FlowReset() implements Event {}

  /** An operator moved the resume point; -1: back to the graph's initial offset. Counters are kept. */
  public record OffsetMoved(long nextOffset) implements Event {}

  /** Persisted state: null spec until first assigned; nextOffset -1 before the first checkpoint. */
  public record State(FlowSpec spec, TargetState target, long nextOffset, long records, long bytes,
                      long lastSourceTimestamp) implements JsonSerializable {
    static State empty() {
      return new State(null, TargetState.STOPPED, -1, 0, 0, 0);
    }
  }

  // ---------------------------------------------------------------- runtime (not persisted)

  private enum Phase { IDLE, STARTING, RUNNING, STOPPING, BACKOFF }

  /** What to do when a stopping graph has terminated. */
  private enum AfterStop { RECONCILE, STOP_ENTITY, PASSIVATE }

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final EntityContext<Command> entityContext;
  private final EngineSettings settings;
  private final FlowSettings flowSettings;

  private Phase phase = Phase.IDLE;
  private long generation;
  private FlowControl control;
  private FlowSpec runningSpec;
  private AfterStop afterStop = AfterStop.RECONCILE;
  private String failureTrace;
  private int consecutiveFailures;
  private final RateMeter rate = new RateMeter();
  private FlowMeters meters;

  /** Registers flows with sharding on this node. */
  public static void init(ActorSystem<?> system, EngineSettings settings) {
    ClusterSharding.get(system).init(
        Entity.of(TYPE_KEY, ctx -> create(ctx, settings)).withStopMessage(HandOff.INSTANCE));
  }

  /** A reference to a flow, on whatever node it runs. */
  public static org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef<Command> ref(
      ActorSystem<?> system, FlowId id) {
    return ClusterSharding.get(system).entityRefFor(TYPE_KEY, id.entityId());
  }

  static Behavior<Command> create(EntityContext<Command> entityContext, EngineSettings settings) {
    FlowId id = FlowId.parse(entityContext.getEntityId());
    // Every line the flow logs names its connector and flow (logback's %X, JSON logs' "mdc").
    return Behaviors.withMdc(Command.class, Map.of("connector", id.connector(), "flow", id.toString()),
        Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new FlowEntity(ctx, timers, entityContext, settings))));
  }

  private FlowEntity(ActorContext<Command> context, TimerScheduler<Command> timers,
                     EntityContext<Command> entityContext, EngineSettings settings) {
    super(PersistenceId.of(TYPE_KEY.name(), entityContext.getEntityId()));
    this.context = context;
    this.timers = timers;
    this.entityContext = entityContext;
    this.settings = settings;
    this.flowSettings = settings.flow();
  }

  @Override
  public State emptyState() {
    return State.empty();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::reconcile)
        .onSignal(PostStop.instance(), state -> stopped())
        .build();
  }

  // ---------------------------------------------------------------- commands

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Assign.class, this::onAssign)
        .onCommand(Restart.class, this::onRestart)
        .onCommand(Remove.class, this::onRemove)
        .onCommand(GetStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), status(state)))
        .onCommand(MoveOffset.class, this::onMoveOffset)
        .onCommand(HandOff.class, this::onHandOff)
        .onCommand(Checkpoint.class, this::onCheckpoint)
        .onCommand(StartAt.class, this::onStartAt)
        .onCommand(StartFailed.class, this::onStartFailed)
        .onCommand(GraphTerminated.class, this::onGraphTerminated)
        .onCommand(RetryStart.class, this::onRetryStart)
        .onCommand(DrainTimedOut.class, this::onDrainTimedOut)
        .build();
  }

  private ReplyEffect<Event, State> onAssign(State state, Assign cmd) {
    if (cmd.spec().equals(state.spec()) && cmd.target() == state.target()) {
      reconcile(state);
      return Effect().reply(cmd.replyTo(), Done.getInstance());
    }
    if (cmd.target() == TargetState.RUNNING && state.target() != TargetState.RUNNING) {
      consecutiveFailures = 0;
    }
    return Effect().persist(new FlowAssigned(cmd.spec(), cmd.target()))
        .thenRun(this::reconcile)
        .thenReply(cmd.replyTo(), s -> Done.getInstance());
  }

  private ReplyEffect<Event, State> onRestart(State state, Restart cmd) {
    if (cmd.onlyIfFailed() && phase != Phase.BACKOFF) {
      return Effect().reply(cmd.replyTo(), Done.getInstance());
    }
    failureTrace = null;
    consecutiveFailures = 0;
    if (phase == Phase.RUNNING || phase == Phase.STARTING) {
      stopGraph(AfterStop.RECONCILE);
    } else if (phase == Phase.BACKOFF) {
      phase = Phase.IDLE;
      reconcile(state);
    }
    return Effect().reply(cmd.replyTo(), Done.getInstance());
  }

  private ReplyEffect<Event, State> onRemove(State state, Remove cmd) {
    if (cmd.deleteOffsets()) {
      return Effect().persist(new FlowReset())
          .thenRun(s -> stopThen(AfterStop.PASSIVATE))
          .thenReply(cmd.replyTo(), s -> Done.getInstance());
    }
    if (state.spec() != null && state.target() != TargetState.STOPPED) {
      // Remembered as stopped, so waking the flow later (e.g. for its offset) does not start it.
      return Effect().persist(new FlowAssigned(state.spec(), TargetState.STOPPED))
          .thenRun(s -> stopThen(AfterStop.PASSIVATE))
          .thenReply(cmd.replyTo(), s -> Done.getInstance());
    }
    stopThen(AfterStop.PASSIVATE);
    return Effect().reply(cmd.replyTo(), Done.getInstance());
  }

  private ReplyEffect<Event, State> onMoveOffset(State state, MoveOffset cmd) {
    if (state.spec() != null && state.target() != TargetState.STOPPED) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("Flow " + flowName() + " is "
          + state.target() + ": its offset can only be moved while its connector is STOPPED"));
    }
    if (phase != Phase.IDLE && phase != Phase.BACKOFF) {
      return Effect().stash(); // unstashed once the draining graph has persisted its last checkpoint
    }
    return Effect().persist(new OffsetMoved(Math.max(INITIAL_OFFSET, cmd.nextOffset())))
        .thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, State> onHandOff(State state, HandOff cmd) {
    if (phase == Phase.RUNNING || phase == Phase.STOPPING) {
      stopGraph(AfterStop.STOP_ENTITY);
      return Effect().noReply();
    }
    return Effect().stop().thenNoReply();
  }

  private ReplyEffect<Event, State> onCheckpoint(State state, Checkpoint cmd) {
    FlowProgress p = cmd.progress();
    if (state.spec() == null || p.nextOffset() <= state.nextOffset()) {
      return Effect().reply(cmd.replyTo(), Done.getInstance());
    }
    rate.record(p.records());
    return Effect().persist(new OffsetCheckpointed(p.nextOffset(), p.records(), p.bytes(), p.sourceTimestamp()))
        .thenReply(cmd.replyTo(), s -> Done.getInstance());
  }

  private ReplyEffect<Event, State> onStartAt(State state, StartAt cmd) {
    if (cmd.generation() != generation || phase != Phase.STARTING) {
      return Effect().noReply();
    }
    runGraph(cmd.offset());
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onStartFailed(State state, StartFailed cmd) {
    if (cmd.generation() == generation && phase == Phase.STARTING) {
      failAndBackOff(cmd.trace());
    }
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onGraphTerminated(State state, GraphTerminated cmd) {
    if (cmd.generation() != generation) {
      return Effect().noReply();
    }
    control = null;
    closeMeters();
    timers.cancel(DrainTimedOut.class);
    if (phase == Phase.STOPPING) {
      return afterGraphStopped(state);
    }
    // The graph ended without being asked to: a failure (or an unexpected completion).
    failAndBackOff(cmd.failureTrace() != null ? cmd.failureTrace() : "Flow graph completed unexpectedly");
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onDrainTimedOut(State state, DrainTimedOut cmd) {
    if (cmd.generation() != generation || phase != Phase.STOPPING) {
      return Effect().noReply();
    }
    context.getLog().warn("Flow {} did not drain within {}; records after offset {} will be read again",
        flowName(), flowSettings.drainTimeout(), state.nextOffset());
    generation++; // late checkpoints of the old graph are still accepted (they are acknowledged records)
    control = null;
    closeMeters();
    return afterGraphStopped(state);
  }

  private ReplyEffect<Event, State> afterGraphStopped(State state) {
    phase = Phase.IDLE;
    runningSpec = null;
    switch (afterStop) {
      case STOP_ENTITY:
        return Effect().stop().thenNoReply().thenUnstashAll();
      case PASSIVATE:
        entityContext.getShard().tell(new ClusterSharding.Passivate<>(context.getSelf()));
        return Effect().noReply().thenUnstashAll();
      default:
        reconcile(state);
        return Effect().noReply().thenUnstashAll();
    }
  }

  private ReplyEffect<Event, State> onRetryStart(State state, RetryStart cmd) {
    if (cmd.generation() == generation && phase == Phase.BACKOFF) {
      phase = Phase.IDLE;
      reconcile(state);
    }
    return Effect().noReply();
  }

  // ---------------------------------------------------------------- running the graph

  /** Brings the runtime in line with the persisted target state. */
  private void reconcile(State state) {
    boolean wanted = state.spec() != null && state.target() == TargetState.RUNNING;
    switch (phase) {
      case IDLE -> {
        if (wanted) {
          start(state);
        }
      }
      case STARTING, RUNNING -> {
        if (!wanted || !state.spec().equals(runningSpec)) {
          stopGraph(AfterStop.RECONCILE);
        }
      }
      case BACKOFF -> {
        if (!wanted) {
          timers.cancel(RetryStart.class);
          phase = Phase.IDLE;
          failureTrace = null;
        }
      }
      case STOPPING -> { /* reconciled again once the graph has stopped */ }
    }
  }

  private void start(State state) {
    phase = Phase.STARTING;
    generation++;
    runningSpec = state.spec();
    long gen = generation;
    if (state.nextOffset() >= 0) {
      context.getSelf().tell(new StartAt(state.nextOffset(), gen));
      return;
    }
    try {
      CompletionStage<Long> initial = graphOf(state.spec()).initialOffset();
      context.pipeToSelf(initial, (offset, error) -> error == null
          ? new StartAt(offset, gen)
          : new StartFailed(FlowFailures.trace("Cannot find the initial offset of " + flowName(), error), gen));
    } catch (RuntimeException e) {
      context.getSelf().tell(new StartFailed(FlowFailures.trace("Cannot build flow " + flowName(), e), gen));
    }
  }

  private void runGraph(long offset) {
    long gen = generation;
    ActorRef<Command> self = context.getSelf();
    Duration askTimeout = settings.askTimeout();
    try {
      ConnectorPlan plan = planOf(runningSpec);
      FlowGraph graph = plan.flowGraph(runningSpec, context.getSystem());
      meters = FerryMetrics.get(context.getSystem())
          .flowMeters(runningSpec, plan.sourceClusterName(), plan.targetClusterName());
      Pair<FlowControl, CompletionStage<Done>> running = CheckpointedGraph.run(
          graph.from(offset), flowSettings,
          p -> AskPattern.<Command, Done>ask(self, replyTo -> new Checkpoint(p, replyTo), askTimeout,
              context.getSystem().scheduler()),
          meters, context.getSystem());
      control = running.first();
      phase = Phase.RUNNING;
      context.getLog().info("Flow {} started at offset {} on {}", flowName(), offset, settings.workerId());
      context.pipeToSelf(running.second(), (done, error) -> new GraphTerminated(
          error == null ? null : FlowFailures.trace("Flow " + flowName() + " failed", error), gen));
    } catch (RuntimeException e) {
      failAndBackOff(FlowFailures.trace("Cannot start flow " + flowName(), e));
    }
  }


  private FlowGraph graphOf(FlowSpec spec) {
    return planOf(spec).flowGraph(spec, context.getSystem());
  }

  private ConnectorPlan planOf(FlowSpec spec) {
    return ConnectorTypes.plan(spec.id().connector(), spec.connectorConfig(), settings);
  }

  /**
   * The entity stopped: after a drain nothing runs any more; after a failure (a checkpoint the
   * journal could not write) the graph still runs and must stop reading, or it would go on copying
   * without checkpoints next to the graph of the entity sharding restarts.
   */
  private void stopped() {
    if (control != null) {
      control.stopConsuming();
      control = null;
    }
    closeMeters();
  }

  /** The flow's meters leave this node's /metrics whenever its graph is not running here. */
  private void closeMeters() {
    if (meters != null) {
      meters.close();
      meters = null;
    }
  }

  private void stopThen(AfterStop then) {
    if (phase == Phase.RUNNING || phase == Phase.STARTING || phase == Phase.STOPPING) {
      stopGraph(then);
    } else {
      timers.cancel(RetryStart.class);
      phase = Phase.STOPPING;
      afterStop = then;
      context.getSelf().tell(new GraphTerminated(null, generation));
    }
  }

  private void stopGraph(AfterStop then) {
    // A stronger follow-up wins: stopping the entity beats passivating beats reconciling.
    if (phase != Phase.STOPPING || then.ordinal() > afterStop.ordinal()) {
      afterStop = then;
    }
    if (phase == Phase.STOPPING) {
      return;
    }
    if (phase == Phase.STARTING) {
      // Nothing runs yet: drop the pending start.
      generation++;
      phase = Phase.STOPPING;
      context.getSelf().tell(new GraphTerminated(null, generation));
      return;
    }
    phase = Phase.STOPPING;
    if (control != null) {
      control.stopConsuming();
      timers.startSingleTimer(DrainTimedOut.class, new DrainTimedOut(generation), flowSettings.drainTimeout());
    } else {
      context.getSelf().tell(new GraphTerminated(null, generation));
    }
  }

  private void failAndBackOff(String trace) {
    control = null;
    closeMeters();
    runningSpec = null;
    failureTrace = trace;
    consecutiveFailures++;
    phase = Phase.BACKOFF;
    generation++;
    Duration delay = FlowFailures.backoff(flowSettings, consecutiveFailures);
    context.getLog().warn("Flow {} failed (attempt {}), restarting in {}: {}", flowName(),
        consecutiveFailures, delay, trace.lines().findFirst().orElse(""));
    timers.startSingleTimer(RetryStart.class, new RetryStart(generation), delay);
  }

  private String flowName() {
    return FlowId.parse(entityContext.getEntityId()).toString();
  }

  private FlowStatus status(State state) {
    // A running graph whose writes wait too long for the target shows FAILED with what waits, not RUNNING.
    String stall = phase == Phase.RUNNING && control != null ? control.stall(flowSettings.stallTimeout()) : null;
    String shown = switch (phase) {
      case BACKOFF -> "FAILED";
      case RUNNING, STARTING -> stall != null ? "FAILED" : "RUNNING";
      case STOPPING, IDLE -> state.spec() == null ? "UNASSIGNED"
          : state.target() == TargetState.PAUSED ? "PAUSED"
          : state.target() == TargetState.STOPPED ? "STOPPED" : "RUNNING";
    };
    String trace = phase == Phase.BACKOFF ? failureTrace
        : stall != null ? "Flow " + flowName() + " is stalled: " + stall : null;
    return new FlowStatus(FlowId.parse(entityContext.getEntityId()), shown, settings.workerId(),
        trace, state.nextOffset(), state.records(), state.bytes(), state.lastSourceTimestamp(), rate.perSecond());
  }

  // ---------------------------------------------------------------- events

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(FlowAssigned.class, (s, e) ->
            new State(e.spec(), e.target(), s.nextOffset(), s.records(), s.bytes(), s.lastSourceTimestamp()))
        .onEvent(OffsetCheckpointed.class, (s, e) -> new State(s.spec(), s.target(), e.nextOffset(),
            s.records() + e.records(), s.bytes() + e.bytes(), Math.max(s.lastSourceTimestamp(), e.sourceTimestamp())))
        .onEvent(FlowReset.class, (s, e) -> new State(s.spec(), TargetState.STOPPED, -1, 0, 0, 0))
        .onEvent(OffsetMoved.class, (s, e) -> new State(s.spec(), s.target(), e.nextOffset(), s.records(), s.bytes(),
            s.lastSourceTimestamp()))
        .build();
  }
}
