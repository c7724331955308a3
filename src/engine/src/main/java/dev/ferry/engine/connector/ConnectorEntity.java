package dev.ferry.engine.connector;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.JsonSerializable;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.flow.FlowEntity;
import dev.ferry.engine.flow.FlowFailures;
import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One connector: a cluster-sharded, event-sourced entity keyed by the connector's name. It holds
 * the config, the operator's target state and the connector's flows (its Connect "tasks").
 *
 * <p>While it exists it periodically asks its {@link ConnectorPlan} to discover flows (new topics,
 * added partitions) and assigns each flow its spec and target state; running flows are never
 * touched by a discovery that finds nothing new. A discovery failure (unreachable cluster) marks
 * the connector FAILED with a trace and is retried on the next tick, on resume and on restart.
 * Remembered by sharding, so it restarts after a node restart and re-assigns its flows.
 */
public final class ConnectorEntity extends EventSourcedBehaviorWithEnforcedReplies<
    ConnectorEntity.Command, ConnectorEntity.Event, ConnectorEntity.State> {

  /** Sharding type key of connectors. */
  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Connector");

  // ---------------------------------------------------------------- protocol

  /** Messages a connector understands. */
  public sealed interface Command extends JsonSerializable {}

  /** Creates the connector; {@link Reply.AlreadyExists} if it exists. Config already validated. */
  public record Create(Map<String, String> config, TargetState initialState, ActorRef<Reply> replyTo)
      implements Command {}

  /** Creates or reconfigures the connector (PUT /config). Config already validated. */
  public record PutConfig(Map<String, String> config, ActorRef<Reply> replyTo) implements Command {}

  /** Reads the connector. */
  public record Get(ActorRef<Reply> replyTo) implements Command {}

  /** Pause, resume or stop. */
  public record ChangeTarget(TargetState target, ActorRef<Reply> replyTo) implements Command {}

  /** Clears a failure and rediscovers now; with {@code includeTasks} also restarts flows. */
  public record Restart(boolean includeTasks, boolean onlyFailed, ActorRef<Reply> replyTo) implements Command {}

  /** Deletes the connector and its flows' offsets. */
  public record Delete(ActorRef<Reply> replyTo) implements Command {}

  /**
   * Replaces the config of an existing connector (PATCH /config), if it still is {@code expected}:
   * {@link Reply.Conflict} when it changed since the caller read it, {@link Reply.NotFound} when the
   * connector is gone. Config already validated.
   */
  public record ReplaceConfig(Map<String, String> expected, Map<String, String> config, ActorRef<Reply> replyTo)
      implements Command {}

  /** Forgets the topics the connector used (PUT /topics/reset); flows that keep running re-list theirs. */
  public record ResetTopics(ActorRef<Reply> replyTo) implements Command {}

  /** Sharding's stop message. */
  public enum Passivate implements Command { INSTANCE }

  private enum DiscoveryTick implements Command { INSTANCE }

  private record DiscoveryDone(List<FlowSpec> specs) implements Command {}

  private record DiscoveryFailed(String trace) implements Command {}

  /** Answers of a connector. */
  public sealed interface Reply extends JsonSerializable {
    /** The command succeeded; {@code created} tells PUT /config whether it created the connector. */
    record Accepted(ConnectorSnapshot snapshot, boolean created) implements Reply {}

    /** No connector has that name. */
    record NotFound(String name) implements Reply {}

    /** Create found a connector with that name. */
    record AlreadyExists(String name) implements Reply {}

    /** The request conflicts with a concurrent change of the connector. */
    record Conflict(String message) implements Reply {}
  }

  // ---------------------------------------------------------------- events and state

  /** What a connector persists. */
  public sealed interface Event extends JsonSerializable {}

  /** The connector was created. */
  public record ConnectorCreated(Map<String, String> config, TargetState target) implements Event {}

  /** The connector's config was replaced. */
  public record ConnectorReconfigured(Map<String, String> config) implements Event {}

  /** The operator paused, resumed or stopped the connector. */
  public record TargetChanged(TargetState target) implements Event {}

  /** Discovery found flows the connector did not have (next task ids) or whose target topic changed. */
  public record FlowsAdded(List<FlowRef> flows) implements Event {}

  /** Flows whose topic is no longer selected (or gone); their offsets are kept in the flow. */
  public record FlowsRetired(List<FlowId> flows) implements Event {}

  /** The connector was deleted. */
  public record ConnectorDeleted() implements Event {}

  /** The operator reset the connector's used topics. */
  public record TopicsReset() implements Event {}

  /**
   * A connector's flow as its task.
   *
   * @param taskId      Connect task id, stable for the flow's lifetime
   * @param id          the flow
   * @param targetTopic topic it writes to
   */
  public record FlowRef(int taskId, FlowId id, String targetTopic) implements JsonSerializable {}

  /**
   * Persisted state; {@code config == null} means the connector does not exist. {@code topicsUsed}
   * are the source topics its flows have run on since the last topics reset (Connect's active
   * topics), sorted; null in snapshots older than it reads as none.
   */
  public record State(Map<String, String> config, TargetState target, List<FlowRef> flows, int nextTaskId,
                      List<String> topicsUsed) implements JsonSerializable {
    public State {
      topicsUsed = topicsUsed == null ? List.of() : topicsUsed;
    }

    /** A state that has used no topics yet. */
    State(Map<String, String> config, TargetState target, List<FlowRef> flows, int nextTaskId) {
      this(config, target, flows, nextTaskId, List.of());
    }

    static State empty() {
      return new State(null, TargetState.STOPPED, List.of(), 0);
    }

    /** This state with {@code flows}' topics added to the used topics. */
    State using(List<FlowRef> running) {
      java.util.TreeSet<String> topics = new java.util.TreeSet<>(topicsUsed);
      running.forEach(flow -> topics.add(flow.id().topic()));
      return new State(config, target, flows, nextTaskId, List.copyOf(topics));
    }

    boolean exists() {
      return config != null;
    }
  }

  // ---------------------------------------------------------------- runtime

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final EntityContext<Command> entityContext;
  private final EngineSettings settings;
  private final String name;
  private boolean discovering;
  private String failureTrace;

  /** Registers connectors with sharding on this node. */
  public static void init(ActorSystem<?> system, EngineSettings settings) {
    ClusterSharding.get(system).init(
        Entity.of(TYPE_KEY, ctx -> create(ctx, settings)).withStopMessage(Passivate.INSTANCE));
  }

  /** A reference to a connector, on whatever node it runs. */
  public static EntityRef<Command> ref(ActorSystem<?> system, String name) {
    return ClusterSharding.get(system).entityRefFor(TYPE_KEY, name);
  }

  static Behavior<Command> create(EntityContext<Command> entityContext, EngineSettings settings) {
    // Every line the connector logs names it (logback's %X{connector}, JSON logs' "mdc").
    return Behaviors.withMdc(Command.class, Map.of("connector", entityContext.getEntityId()),
        Behaviors.setup(ctx -> Behaviors.withTimers(
            timers -> new ConnectorEntity(ctx, timers, entityContext, settings))));
  }

  private ConnectorEntity(ActorContext<Command> context, TimerScheduler<Command> timers,
                          EntityContext<Command> entityContext, EngineSettings settings) {
    super(PersistenceId.of(TYPE_KEY.name(), entityContext.getEntityId()));
    this.context = context;
    this.timers = timers;
    this.entityContext = entityContext;
    this.settings = settings;
    this.name = entityContext.getEntityId();
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
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), state -> {
      if (state.exists()) {
        ConnectorRegistry.register(context.getSystem(), name);
        assignAll(state);
        scheduleDiscovery(state);
      }
    }).build();
  }

  // ---------------------------------------------------------------- commands

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Create.class, this::onCreate)
        .onCommand(PutConfig.class, this::onPutConfig)
        .onCommand(Get.class, (state, cmd) -> reply(state, cmd.replyTo(), false))
        .onCommand(ChangeTarget.class, this::onChangeTarget)
        .onCommand(Restart.class, this::onRestart)
        .onCommand(Delete.class, this::onDelete)
        .onCommand(ReplaceConfig.class, this::onReplaceConfig)
        .onCommand(ResetTopics.class, this::onResetTopics)
        .onCommand(Passivate.class, (state, cmd) -> Effect().stop().thenNoReply())
        .onCommand(DiscoveryTick.class, this::onDiscoveryTick)
        .onCommand(DiscoveryDone.class, this::onDiscoveryDone)
        .onCommand(DiscoveryFailed.class, this::onDiscoveryFailed)
        .build();
  }

  private ReplyEffect<Event, State> onCreate(State state, Create cmd) {
    if (state.exists()) {
      return Effect().reply(cmd.replyTo(), new Reply.AlreadyExists(name));
    }
    return Effect().persist(new ConnectorCreated(cmd.config(), cmd.initialState()))
        .thenRun(this::afterConfigChange)
        .thenReply(cmd.replyTo(), s -> new Reply.Accepted(snapshot(s), true));
  }

  private ReplyEffect<Event, State> onPutConfig(State state, PutConfig cmd) {
    if (!state.exists()) {
      return Effect().persist(new ConnectorCreated(cmd.config(), TargetState.RUNNING))
          .thenRun(this::afterConfigChange)
          .thenReply(cmd.replyTo(), s -> new Reply.Accepted(snapshot(s), true));
    }
    if (state.config().equals(cmd.config())) {
      return reply(state, cmd.replyTo(), false);
    }
    return Effect().persist(new ConnectorReconfigured(cmd.config()))
        .thenRun(this::afterConfigChange)
        .thenReply(cmd.replyTo(), s -> new Reply.Accepted(snapshot(s), false));
  }

  private ReplyEffect<Event, State> onReplaceConfig(State state, ReplaceConfig cmd) {
    if (!state.exists()) {
      return notFound(cmd.replyTo());
    }
    if (!state.config().equals(cmd.expected())) {
      return Effect().reply(cmd.replyTo(), new Reply.Conflict("Connector " + name
          + " was reconfigured concurrently; read its config again and retry"));
    }
    if (state.config().equals(cmd.config())) {
      return reply(state, cmd.replyTo(), false);
    }
    return Effect().persist(new ConnectorReconfigured(cmd.config()))
        .thenRun(this::afterConfigChange)
        .thenReply(cmd.replyTo(), s -> new Reply.Accepted(snapshot(s), false));
  }

  private ReplyEffect<Event, State> onResetTopics(State state, ResetTopics cmd) {
    if (!state.exists()) {
      return notFound(cmd.replyTo());
    }
    return Effect().persist(new TopicsReset()).thenReply(cmd.replyTo(), s -> new Reply.Accepted(snapshot(s), false));
  }

  private void afterConfigChange(State state) {
    ConnectorRegistry.register(context.getSystem(), name);
    failureTrace = null;
    assignAll(state);
    scheduleDiscovery(state);
  }

  private ReplyEffect<Event, State> onChangeTarget(State state, ChangeTarget cmd) {
    if (!state.exists()) {
      return notFound(cmd.replyTo());
    }
    if (state.target() == cmd.target()) {
      return reply(state, cmd.replyTo(), false);
    }
    failureTrace = null;
    return Effect().persist(new TargetChanged(cmd.target()))
        .thenRun(s -> {
          assignAll(s);
          scheduleDiscovery(s);
        })
        .thenReply(cmd.replyTo(), s -> new Reply.Accepted(snapshot(s), false));
  }

  private ReplyEffect<Event, State> onRestart(State state, Restart cmd) {
    if (!state.exists()) {
      return notFound(cmd.replyTo());
    }
    failureTrace = null;
    if (cmd.includeTasks() && state.target() == TargetState.RUNNING) {
      for (FlowRef flow : state.flows()) {
        FlowEntity.ref(context.getSystem(), flow.id())
            .tell(new FlowEntity.Restart(cmd.onlyFailed(), context.getSystem().ignoreRef()));
      }
    }
    scheduleDiscovery(state);
    return reply(state, cmd.replyTo(), false);
  }

  private ReplyEffect<Event, State> onDelete(State state, Delete cmd) {
    if (!state.exists()) {
      return notFound(cmd.replyTo());
    }
    ConnectorSnapshot last = snapshot(state);
    return Effect().persist(new ConnectorDeleted())
        .thenRun(s -> {
          timers.cancelAll();
          for (FlowRef flow : state.flows()) {
            FlowEntity.ref(context.getSystem(), flow.id())
                .tell(new FlowEntity.Remove(true, context.getSystem().ignoreRef()));
          }
          ConnectorRegistry.unregister(context.getSystem(), name);
          passivate();
        })
        .thenReply(cmd.replyTo(), s -> new Reply.Accepted(last, false));
  }

  private ReplyEffect<Event, State> onDiscoveryTick(State state, DiscoveryTick tick) {
    if (!state.exists() || discovering || state.target() != TargetState.RUNNING) {
      return Effect().noReply();
    }
    discovering = true;
    try {
      ConnectorPlan plan = ConnectorTypes.plan(name, state.config(), settings);
      context.pipeToSelf(plan.discoverFlows(context.getSystem()), (specs, error) -> error == null
          ? new DiscoveryDone(specs)
          : new DiscoveryFailed(FlowFailures.trace("Connector " + name + " cannot discover its topics", error)));
    } catch (RuntimeException e) {
      context.getSelf().tell(new DiscoveryFailed(FlowFailures.trace("Connector " + name + " is misconfigured", e)));
    }
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onDiscoveryDone(State state, DiscoveryDone done) {
    discovering = false;
    if (state.target() != TargetState.RUNNING) {
      return Effect().noReply(); // paused or stopped meanwhile: the next resume discovers again
    }
    if (failureTrace != null) {
      context.getLog().info("Connector {} reaches its clusters again", name);
    }
    failureTrace = null;
    if (!state.exists()) {
      return Effect().noReply();
    }
    FlowAssignments changes = FlowAssignments.diff(state.flows(), state.nextTaskId(), done.specs());
    List<FlowRef> added = changes.added();
    List<FlowId> retired = changes.retired();
    List<Event> events = new ArrayList<>();
    if (!added.isEmpty()) {
      events.add(new FlowsAdded(added));
      context.getLog().info("Connector {} starts {} new flow(s)", name, added.size());
    }
    if (!retired.isEmpty()) {
      events.add(new FlowsRetired(retired));
      context.getLog().info("Connector {} retires {} flow(s) no longer selected", name, retired.size());
    }
    if (events.isEmpty()) {
      assignAll(state);
      return Effect().noReply();
    }
    return Effect().persist(events).thenRun(s -> {
      retired.forEach(id -> FlowEntity.ref(context.getSystem(), id)
          .tell(new FlowEntity.Remove(false, context.getSystem().ignoreRef())));
      assignAll(s);
    }).thenNoReply();
  }

  private ReplyEffect<Event, State> onDiscoveryFailed(State state, DiscoveryFailed failed) {
    discovering = false;
    if (state.target() != TargetState.RUNNING) {
      return Effect().noReply();
    }
    if (failureTrace == null) {
      context.getLog().warn("{}", failed.trace().lines().findFirst().orElse(failed.trace()));
    }
    failureTrace = failed.trace();
    return Effect().noReply();
  }

  // ---------------------------------------------------------------- helpers

  /** Tells every flow its spec and target state; flows ignore an assignment they already have. */
  private void assignAll(State state) {
    if (!state.exists()) {
      return;
    }
    for (FlowRef flow : state.flows()) {
      EntityRef<FlowEntity.Command> ref = FlowEntity.ref(context.getSystem(), flow.id());
      if (state.target() == TargetState.STOPPED) {
        ref.tell(new FlowEntity.Remove(false, context.getSystem().ignoreRef()));
      } else {
        ref.tell(new FlowEntity.Assign(new FlowSpec(flow.id(), flow.targetTopic(), state.config()),
            state.target(), context.getSystem().ignoreRef()));
      }
    }
  }

  private void scheduleDiscovery(State state) {
    if (state.target() == TargetState.RUNNING) {
      context.getSelf().tell(DiscoveryTick.INSTANCE);
      timers.startTimerWithFixedDelay(DiscoveryTick.class, DiscoveryTick.INSTANCE, discoveryInterval(state));
    } else {
      timers.cancel(DiscoveryTick.class);
    }
  }

  /** The connector's own discovery cadence if its type has one, else the node's. */
  private java.time.Duration discoveryInterval(State state) {
    try {
      return ConnectorTypes.plan(name, state.config(), settings).discoveryInterval()
          .orElse(settings.discoveryInterval());
    } catch (RuntimeException invalid) {
      return settings.discoveryInterval();
    }
  }

  private ReplyEffect<Event, State> reply(State state, ActorRef<Reply> replyTo, boolean created) {
    if (!state.exists()) {
      return notFound(replyTo);
    }
    return Effect().reply(replyTo, new Reply.Accepted(snapshot(state), created));
  }

  private ReplyEffect<Event, State> notFound(ActorRef<Reply> replyTo) {
    // A name nobody created must not stay remembered by sharding.
    passivate();
    return Effect().reply(replyTo, new Reply.NotFound(name));
  }

  private void passivate() {
    entityContext.getShard().tell(new ClusterSharding.Passivate<>(context.getSelf()));
  }

  private ConnectorSnapshot snapshot(State state) {
    String type;
    try {
      type = ConnectorTypes.typeOf(state.config()).type();
    } catch (RuntimeException e) {
      type = "source";
    }
    return new ConnectorSnapshot(name, state.config(), state.target(), state.flows(), type,
        failureTrace, settings.workerId(), state.topicsUsed());
  }

  // ---------------------------------------------------------------- events

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(ConnectorCreated.class, (s, e) -> new State(Map.copyOf(e.config()), e.target(), List.of(), 0))
        .onEvent(ConnectorReconfigured.class, (s, e) ->
            new State(Map.copyOf(e.config()), s.target(), s.flows(), s.nextTaskId(), s.topicsUsed()))
        .onEvent(TargetChanged.class, (s, e) -> {
          State changed = new State(s.config(), e.target(), s.flows(), s.nextTaskId(), s.topicsUsed());
          return e.target() == TargetState.RUNNING ? changed.using(s.flows()) : changed;
        })
        .onEvent(FlowsAdded.class, (s, e) -> {
          List<FlowId> updated = e.flows().stream().map(FlowRef::id).toList();
          List<FlowRef> flows = new ArrayList<>(s.flows().stream().filter(f -> !updated.contains(f.id())).toList());
          flows.addAll(e.flows());
          flows.sort(Comparator.comparingInt(FlowRef::taskId));
          int next = e.flows().stream().mapToInt(FlowRef::taskId).max().orElse(s.nextTaskId() - 1) + 1;
          return new State(s.config(), s.target(), List.copyOf(flows), Math.max(next, s.nextTaskId()), s.topicsUsed())
              .using(e.flows());
        })
        .onEvent(FlowsRetired.class, (s, e) -> new State(s.config(), s.target(),
            s.flows().stream().filter(f -> !e.flows().contains(f.id())).toList(), s.nextTaskId(), s.topicsUsed()))
        .onEvent(ConnectorDeleted.class, (s, e) -> State.empty())
        .onEvent(TopicsReset.class, (s, e) -> {
          State reset = new State(s.config(), s.target(), s.flows(), s.nextTaskId(), List.of());
          return s.target() == TargetState.RUNNING ? reset.using(s.flows()) : reset;
        })
        .build();
  }
}
