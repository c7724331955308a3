package dev.ferry.engine.flow;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.JsonSerializable;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.FlowProgress;
import dev.ferry.engine.spi.Position;
import java.util.Map;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
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
 * One flow of one connector (a Kafka topic-partition, a table, a file...): a cluster-sharded,
 * event-sourced entity that persists what its connector assigned and how far the target has made
 * the flow's data durable. Running the flow's graph is its child {@link FlowRunner}'s job; the
 * entity tells the runner what should run and persists the checkpoints the runner's graph sends.
 *
 * <p>Lifecycle: its connector sends {@link Assign} (the flow's descriptor, the connector's config
 * revision, the target state); the entity persists it and the runner starts the graph from the
 * persisted position. Checkpoints are persisted only after the target acknowledged their records,
 * so a crash repeats at most one checkpoint window and never loses a record. Pause, config change,
 * hand-off and shutdown drain the graph first, so a graceful move repeats nothing. Entities are
 * remembered by sharding: after a node crash they restart elsewhere from their own journal,
 * without their connector. The config itself is never copied into a flow's journal: the runner
 * reads the plan of the assigned revision from the node's plan cache.
 */
public final class FlowEntity
    extends EventSourcedBehaviorWithEnforcedReplies<FlowEntity.Command, FlowEntity.Event, FlowEntity.State> {

  /** Sharding type key of flows. */
  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Flow");

  // ---------------------------------------------------------------- protocol

  /** Messages a flow understands. */
  public sealed interface Command extends JsonSerializable {}

  /** (Re)assigns the flow: its task and descriptor, the connector's config revision, what it should do. Idempotent. */
  public record Assign(FlowRef flow, int revision, TargetState target, ActorRef<Done> replyTo)
      implements Command {}

  /** Restarts the graph from the persisted position and clears a failure; with onlyIfFailed, only a FAILED flow. */
  public record Restart(boolean onlyIfFailed, ActorRef<Done> replyTo) implements Command {}

  /**
   * Stops the flow and passivates it. With {@code deleteOffsets} its persisted progress is wiped
   * (connector deleted); without, it is kept so the flow resumes if it is assigned again.
   */
  public record Remove(boolean deleteOffsets, ActorRef<Done> replyTo) implements Command {}

  /** Asks for the flow's {@link FlowStatus}; answered at once, whatever the graph is doing. */
  public record GetStatus(ActorRef<FlowStatus> replyTo) implements Command {}

  /**
   * Moves the point the flow resumes from (the Connect offsets API); a null position goes back to
   * where a new flow starts. Only while the flow is stopped (its connector STOPPED): refused with an
   * error reply otherwise; held back while a stopping graph drains, so the graph's last checkpoint
   * cannot overwrite the moved position.
   */
  public record MovePosition(Position position, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Starts the entity if it is not running (sent through sharding, so a passivated flow wakes up). */
  public enum Wake implements Command { INSTANCE }

  /** Sharding's stop message on hand-off and shutdown: drain, then stop. */
  public enum HandOff implements Command { INSTANCE }

  /** From the runner's graph: persist this progress, then answer. */
  record Checkpoint(FlowProgress progress, ActorRef<Done> replyTo) implements Command {}

  /** From the runner: where to start now (the persisted position at this moment). */
  record GetResumePoint(ActorRef<FlowRunner.ResumePoint> replyTo) implements Command {}

  /** From the runner: it changed phase. */
  record RunnerReport(FlowRunner.Report report) implements Command {}

  /** From the runner: the graph of a bounded flow completed. */
  record GraphFinished() implements Command {}

  // ---------------------------------------------------------------- events and state

  /** What a flow persists. */
  public sealed interface Event extends JsonSerializable {}

  /** The connector assigned (or re-assigned) the flow. */
  public record FlowAssigned(FlowRef flow, int revision, TargetState target) implements Event {}

  /** The target made every record up to {@code position} durable. */
  public record PositionCheckpointed(Position position, long records, long bytes, long sourceTimestamp)
      implements Event {}

  /** An operator moved the resume point; null: back to where a new flow starts. Counters are kept. */
  public record PositionMoved(Position position) implements Event {}

  /** The flow's progress was wiped (its connector was deleted). */
  public record FlowReset() implements Event {}

  /** The flow's bounded source was copied to its end. */
  public record FlowFinished() implements Event {}

  /**
   * Persisted state: null flow until first assigned; null position before the first checkpoint.
   *
   * @param positionMoved an operator set the position and no graph has started from it yet
   * @param finished      a bounded flow reached its end (cleared by a new assignment revision)
   */
  public record State(FlowRef flow, int revision, TargetState target, Position position,
                      boolean positionMoved, long records, long bytes, long lastSourceTimestamp,
                      boolean finished) implements JsonSerializable {
    static State empty() {
      return new State(null, 0, TargetState.STOPPED, null, false, 0, 0, 0, false);
    }

    /** Whether the graph should run now. */
    boolean wantsToRun() {
      return flow != null && target == TargetState.RUNNING && !finished;
    }
  }

  // ---------------------------------------------------------------- runtime (not persisted)

  private final ActorContext<Command> context;
  private final EntityContext<Command> entityContext;
  private final EngineSettings settings;
  private final FlowId id;
  private final RateMeter rate = new RateMeter();
  private ActorRef<FlowRunner.Command> runner;
  private FlowRunner.Report runnerState = FlowRunner.Report.idle();
  /** A Remove asked the flow to stop and passivate; an Assign cancels it. */
  private boolean passivating;
  /** Passivate was sent to the shard: a HandOff follows, after which sharding will not restart the flow. */
  private boolean passivationRequested;
  /** A HandOff arrived while the graph ran: the entity stops once the runner is idle. */
  private boolean handingOff;
  /** The flow's offsets were deleted: checkpoints of the graph still draining are dropped. */
  private boolean discardCheckpoints;

  /** Registers flows with sharding on this node. */
  public static void init(ActorSystem<?> system, EngineSettings settings) {
    ClusterSharding.get(system).init(
        Entity.of(TYPE_KEY, ctx -> create(ctx, settings)).withStopMessage(HandOff.INSTANCE));
  }

  /** A reference to a flow, on whatever node it runs. */
  public static EntityRef<Command> ref(ActorSystem<?> system, FlowId id) {
    return ClusterSharding.get(system).entityRefFor(TYPE_KEY, id.entityId());
  }

  static Behavior<Command> create(EntityContext<Command> entityContext, EngineSettings settings) {
    FlowId id = FlowId.parse(entityContext.getEntityId());
    // Every line the flow logs names its connector and flow (logback's %X, JSON logs' "mdc").
    return Behaviors.withMdc(Command.class, Map.of("connector", id.connector(), "flow", id.toString()),
        Behaviors.setup(ctx -> new FlowEntity(ctx, entityContext, settings, id)));
  }

  private FlowEntity(ActorContext<Command> context, EntityContext<Command> entityContext, EngineSettings settings,
                     FlowId id) {
    super(PersistenceId.of(TYPE_KEY.name(), entityContext.getEntityId()));
    this.context = context;
    this.entityContext = entityContext;
    this.settings = settings;
    this.id = id;
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
        .onSignal(RecoveryCompleted.instance(), state -> {
          runner = context.spawn(FlowRunner.create(id, context.getSelf(), settings), "runner");
          tellRunner(state);
        })
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
        .onCommand(MovePosition.class, this::onMovePosition)
        .onCommand(Wake.class, (state, cmd) -> Effect().noReply())
        .onCommand(HandOff.class, this::onHandOff)
        .onCommand(Checkpoint.class, this::onCheckpoint)
        .onCommand(GetResumePoint.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
            new FlowRunner.ResumePoint(state.position(), state.positionMoved())))
        .onCommand(RunnerReport.class, this::onRunnerReport)
        .onCommand(GraphFinished.class, this::onGraphFinished)
        .build();
  }

  private ReplyEffect<Event, State> onAssign(State state, Assign cmd) {
    passivating = false;
    boolean same = cmd.flow().equals(state.flow()) && cmd.revision() == state.revision()
        && cmd.target() == state.target();
    if (same) {
      tellRunner(state);
      return Effect().reply(cmd.replyTo(), Done.getInstance());
    }
    return Effect().persist(new FlowAssigned(cmd.flow(), cmd.revision(), cmd.target()))
        .thenRun(this::tellRunner)
        .thenReply(cmd.replyTo(), s -> Done.getInstance());
  }

  private ReplyEffect<Event, State> onRestart(State state, Restart cmd) {
    runner.tell(new FlowRunner.Restart(cmd.onlyIfFailed()));
    return Effect().reply(cmd.replyTo(), Done.getInstance());
  }

  private ReplyEffect<Event, State> onRemove(State state, Remove cmd) {
    passivating = true;
    if (cmd.deleteOffsets()) {
      discardCheckpoints = true;
      return Effect().persist(new FlowReset()).thenRun(this::stopThenPassivate)
          .thenReply(cmd.replyTo(), s -> Done.getInstance());
    }
    if (state.flow() != null && state.target() != TargetState.STOPPED) {
      // Remembered as stopped, so waking the flow later (e.g. for its offset) does not start it.
      return Effect().persist(new FlowAssigned(state.flow(), state.revision(), TargetState.STOPPED))
          .thenRun(this::stopThenPassivate)
          .thenReply(cmd.replyTo(), s -> Done.getInstance());
    }
    stopThenPassivate(state);
    return Effect().reply(cmd.replyTo(), Done.getInstance());
  }

  private ReplyEffect<Event, State> onMovePosition(State state, MovePosition cmd) {
    if (state.flow() != null && state.target() != TargetState.STOPPED) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("Flow " + id + " is "
          + state.target() + ": its offset can only be moved while its connector is STOPPED"));
    }
    if (runnerState.busy()) {
      return Effect().stash(); // unstashed once the draining graph has persisted its last checkpoint
    }
    return Effect().persist(new PositionMoved(cmd.position())).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, State> onHandOff(State state, HandOff cmd) {
    if (state.wantsToRun() && passivationRequested) {
      // A flow asked to run after it asked to be passivated: sharding would not restart it. Wake
      // it through sharding, which delivers this once the stopping incarnation has terminated.
      ref(context.getSystem(), id).tell(Wake.INSTANCE);
    }
    if (!runnerState.busy()) {
      return Effect().stop().thenNoReply();
    }
    handingOff = true;
    tellRunner(state);
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onCheckpoint(State state, Checkpoint cmd) {
    FlowProgress p = cmd.progress();
    if (state.flow() == null || discardCheckpoints) {
      return Effect().reply(cmd.replyTo(), Done.getInstance());
    }
    rate.record(p.records());
    return Effect().persist(new PositionCheckpointed(p.position(), p.records(), p.bytes(), p.sourceTimestamp()))
        .thenReply(cmd.replyTo(), s -> Done.getInstance());
  }

  private ReplyEffect<Event, State> onRunnerReport(State state, RunnerReport cmd) {
    runnerState = cmd.report();
    if (runnerState.busy()) {
      return Effect().noReply();
    }
    discardCheckpoints = false;
    if (handingOff) {
      return Effect().stop().thenNoReply();
    }
    if (passivating) {
      requestPassivation();
    }
    return Effect().noReply().thenUnstashAll();
  }

  private ReplyEffect<Event, State> onGraphFinished(State state, GraphFinished cmd) {
    if (state.finished()) {
      return Effect().noReply();
    }
    context.getLog().info("Flow {} reached the end of its source", id);
    return Effect().persist(new FlowFinished()).thenRun(this::tellRunner).thenNoReply();
  }

  private void stopThenPassivate(State state) {
    tellRunner(state);
    if (!runnerState.busy()) {
      requestPassivation();
    }
  }

  private void requestPassivation() {
    if (!passivationRequested) {
      passivationRequested = true;
      entityContext.getShard().tell(new ClusterSharding.Passivate<>(context.getSelf()));
    }
  }

  /** Tells the runner what should run now, given the persisted state. */
  private void tellRunner(State state) {
    if (runner == null) {
      return; // before recovery completed; RecoveryCompleted tells it
    }
    boolean run = state.wantsToRun() && !passivating && !handingOff;
    runner.tell(new FlowRunner.Desire(run ? new FlowRunner.Wanted(state.flow(), state.revision()) : null));
  }

  private FlowStatus status(State state) {
    String shown;
    if (runnerState.failed() || runnerState.stalled()) {
      shown = "FAILED";
    } else if (state.finished()) {
      shown = "FINISHED";
    } else if (state.flow() == null) {
      shown = "UNASSIGNED";
    } else {
      shown = switch (state.target()) {
        case RUNNING -> "RUNNING";
        case PAUSED -> "PAUSED";
        case STOPPED -> "STOPPED";
      };
    }
    return new FlowStatus(id, shown, settings.workerId(), runnerState.trace(), state.position(),
        state.records(), state.bytes(), state.lastSourceTimestamp(), rate.perSecond());
  }

  // ---------------------------------------------------------------- events

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(FlowAssigned.class, (s, e) -> new State(e.flow(), e.revision(), e.target(), s.position(),
            s.positionMoved(), s.records(), s.bytes(), s.lastSourceTimestamp(),
            s.finished() && e.revision() == s.revision() && e.flow().equals(s.flow())))
        .onEvent(PositionCheckpointed.class, (s, e) -> new State(s.flow(), s.revision(), s.target(), e.position(),
            false, s.records() + e.records(), s.bytes() + e.bytes(),
            Math.max(s.lastSourceTimestamp(), e.sourceTimestamp()), s.finished()))
        .onEvent(PositionMoved.class, (s, e) -> new State(s.flow(), s.revision(), s.target(), e.position(),
            true, s.records(), s.bytes(), s.lastSourceTimestamp(), false))
        .onEvent(FlowReset.class, (s, e) -> new State(s.flow(), s.revision(), TargetState.STOPPED, null,
            false, 0, 0, 0, false))
        .onEvent(FlowFinished.class, (s, e) -> new State(s.flow(), s.revision(), s.target(), s.position(),
            s.positionMoved(), s.records(), s.bytes(), s.lastSourceTimestamp(), true))
        .build();
  }
}
