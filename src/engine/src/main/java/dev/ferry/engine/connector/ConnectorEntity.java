package dev.ferry.engine.connector;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.JsonSerializable;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
 * the config (the only copy: flows know its revision, not its content), the operator's target
 * state and the connector's flows (its Connect "tasks") with their stable task ids.
 *
 * <p>Two helpers do the rest: its {@link ConnectorDiscovery} child asks the plan which flows the
 * connector needs (periodically, on config change, resume and restart) and its {@link FlowFanOut}
 * tells every flow its descriptor, config revision and target state; running flows are never
 * touched by a discovery that finds nothing new. A discovery failure (unreachable cluster) marks
 * the connector FAILED with a trace until a discovery succeeds again. Remembered by sharding, so it
 * restarts after a node restart and re-assigns its flows.
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

  /** A flow's node asks for the config of a revision (see {@link PlanCache}). */
  public record GetConfig(int revision, ActorRef<ConfigReply> replyTo) implements Command {}

  /** The current config and its revision; a null config when the connector does not exist. */
  public record ConfigReply(int revision, Map<String, String> config) implements JsonSerializable {}

  /** Sharding's stop message. */
  public enum Passivate implements Command { INSTANCE }

  /** From the discovery child: the flows the connector needs now. */
  record FlowsDiscovered(List<FlowDescriptor> flows) implements Command {}

  /** From the discovery child: discovery failed. */
  record DiscoveryFailed(String trace) implements Command {}

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

  /** The connector was created (config revision 1). */
  public record ConnectorCreated(Map<String, String> config, TargetState target) implements Event {}

  /** The connector's config was replaced (the next config revision). */
  public record ConnectorReconfigured(Map<String, String> config) implements Event {}

  /** The operator paused, resumed or stopped the connector. */
  public record TargetChanged(TargetState target) implements Event {}

  /** Discovery found flows the connector did not have (next task ids) or whose attributes changed. */
  public record FlowsAdded(List<FlowRef> flows) implements Event {}

  /** Flows no longer found (by key); their positions are kept in the flows. */
  public record FlowsRetired(List<String> keys) implements Event {}

  /** The connector was deleted. */
  public record ConnectorDeleted() implements Event {}

  /** The operator reset the connector's used topics. */
  public record TopicsReset() implements Event {}

  /**
   * Persisted state; {@code config == null} means the connector does not exist. {@code revision}
   * counts config changes, across deletes and re-creations (1 at the first creation). {@code topicsUsed} are the topics its flows have run on
   * since the last topics reset (Connect's active topics), sorted.
   */
  public record State(Map<String, String> config, int revision, TargetState target, List<FlowRef> flows,
                      int nextTaskId, List<String> topicsUsed) implements JsonSerializable {
    public State {
      topicsUsed = topicsUsed == null ? List.of() : topicsUsed;
      flows = flows == null ? List.of() : flows;
      // Snapshots written before revisions existed hold a config and revision 0.
      revision = config != null && revision == 0 ? 1 : revision;
    }

    static State empty() {
      return new State(null, 0, TargetState.STOPPED, List.of(), 0, List.of());
    }

    State with(Map<String, String> newConfig, int newRevision, TargetState newTarget, List<FlowRef> newFlows,
               int newNextTaskId, List<String> newTopics) {
      return new State(newConfig, newRevision, newTarget, newFlows, newNextTaskId, newTopics);
    }

    /** This state with {@code running}'s topics added to the used topics. */
    State using(List<FlowRef> running) {
      TreeSet<String> topics = new TreeSet<>(topicsUsed);
      running.forEach(flow -> {
        String topic = flow.attribute("topic");
        if (topic != null) {
          topics.add(topic);
        }
      });
      return with(config, revision, target, flows, nextTaskId, List.copyOf(topics));
    }

    boolean exists() {
      return config != null;
    }
  }

  // ---------------------------------------------------------------- runtime

  private final ActorContext<Command> context;
  private final EntityContext<Command> entityContext;
  private final EngineSettings settings;
  private final String name;
  private final FlowFanOut fanOut;
  private final PlanCache plans;
  private ActorRef<ConnectorDiscovery.Command> discovery;
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
        Behaviors.setup(ctx -> new ConnectorEntity(ctx, entityContext, settings)));
  }

  private ConnectorEntity(ActorContext<Command> context, EntityContext<Command> entityContext, EngineSettings settings) {
    super(PersistenceId.of(TYPE_KEY.name(), entityContext.getEntityId()));
    this.context = context;
    this.entityContext = entityContext;
    this.settings = settings;
    this.name = entityContext.getEntityId();
    this.fanOut = new FlowFanOut(context.getSystem(), name);
    this.plans = PlanCache.get(context.getSystem());
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
      discovery = context.spawn(ConnectorDiscovery.create(name, context.getSelf()), "discovery");
      if (state.exists()) {
        ConnectorRegistry.register(context.getSystem(), name);
        afterChange(state);
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
        .onCommand(GetConfig.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
            new ConfigReply(state.revision(), state.config())))
        .onCommand(Passivate.class, (state, cmd) -> Effect().stop().thenNoReply())
        .onCommand(FlowsDiscovered.class, this::onFlowsDiscovered)
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

  private ReplyEffect<Event, State> onChangeTarget(State state, ChangeTarget cmd) {
    if (!state.exists()) {
      return notFound(cmd.replyTo());
    }
    if (state.target() == cmd.target()) {
      return reply(state, cmd.replyTo(), false);
    }
    failureTrace = null;
    return Effect().persist(new TargetChanged(cmd.target()))
        .thenRun(this::afterChange)
        .thenReply(cmd.replyTo(), s -> new Reply.Accepted(snapshot(s), false));
  }

  private ReplyEffect<Event, State> onRestart(State state, Restart cmd) {
    if (!state.exists()) {
      return notFound(cmd.replyTo());
    }
    failureTrace = null;
    if (cmd.includeTasks() && state.target() == TargetState.RUNNING) {
      fanOut.restart(state.flows(), cmd.onlyFailed());
    }
    if (state.target() == TargetState.RUNNING) {
      discovery.tell(ConnectorDiscovery.Now.INSTANCE);
    }
    return reply(state, cmd.replyTo(), false);
  }

  private ReplyEffect<Event, State> onDelete(State state, Delete cmd) {
    if (!state.exists()) {
      return notFound(cmd.replyTo());
    }
    ConnectorSnapshot last = snapshot(state);
    return Effect().persist(new ConnectorDeleted())
        .thenRun(s -> {
          discovery.tell(ConnectorDiscovery.Halt.INSTANCE);
          fanOut.remove(state.flows().stream().map(FlowRef::key).toList(), true);
          ConnectorRegistry.unregister(context.getSystem(), name);
          plans.forget(name);
          passivate();
        })
        .thenReply(cmd.replyTo(), s -> new Reply.Accepted(last, false));
  }

  private ReplyEffect<Event, State> onFlowsDiscovered(State state, FlowsDiscovered found) {
    if (!state.exists() || state.target() != TargetState.RUNNING) {
      return Effect().noReply(); // paused or stopped meanwhile: the next resume discovers again
    }
    if (failureTrace != null) {
      context.getLog().info("Connector {} reaches its systems again", name);
    }
    failureTrace = null;
    FlowAssignments changes = FlowAssignments.diff(state.flows(), state.nextTaskId(), found.flows());
    List<Event> events = new ArrayList<>();
    if (!changes.added().isEmpty()) {
      events.add(new FlowsAdded(changes.added()));
      context.getLog().info("Connector {} starts {} new or changed flow(s)", name, changes.added().size());
    }
    if (!changes.retired().isEmpty()) {
      events.add(new FlowsRetired(changes.retired()));
      context.getLog().info("Connector {} retires {} flow(s) no longer found", name, changes.retired().size());
    }
    if (events.isEmpty()) {
      fanOut.assign(state.flows(), state.revision(), state.target());
      return Effect().noReply();
    }
    return Effect().persist(events).thenRun(s -> {
      fanOut.remove(changes.retired(), false);
      fanOut.assign(s.flows(), s.revision(), s.target());
    }).thenNoReply();
  }

  private ReplyEffect<Event, State> onDiscoveryFailed(State state, DiscoveryFailed failed) {
    if (!state.exists() || state.target() != TargetState.RUNNING) {
      return Effect().noReply();
    }
    String trace = plans.redact(name, failed.trace());
    if (failureTrace == null) {
      context.getLog().warn("{}", trace.lines().findFirst().orElse(trace));
    }
    failureTrace = trace;
    return Effect().noReply();
  }

  // ---------------------------------------------------------------- helpers

  private void afterConfigChange(State state) {
    ConnectorRegistry.register(context.getSystem(), name);
    failureTrace = null;
    afterChange(state);
  }

  /** Flows get the current revision and target; discovery runs (with the revision's plan) or halts. */
  private void afterChange(State state) {
    plans.revision(name, state.revision(), state.config());
    fanOut.assign(state.flows(), state.revision(), state.target());
    if (state.target() != TargetState.RUNNING) {
      discovery.tell(ConnectorDiscovery.Halt.INSTANCE);
      return;
    }
    try {
      ConnectorPlan plan = plans.plan(name, state.config());
      discovery.tell(new ConnectorDiscovery.Run(plan, plan.discoveryInterval().orElse(settings.discoveryInterval())));
    } catch (RuntimeException invalid) {
      // A config this node can no longer plan (e.g. a plugin missing here): say so, keep the flows.
      failureTrace = plans.redact(name,
          dev.ferry.engine.flow.FlowFailures.trace("Connector " + name + " is misconfigured", invalid));
      discovery.tell(ConnectorDiscovery.Halt.INSTANCE);
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
    return new ConnectorSnapshot(name, state.config(), state.revision(), state.target(), state.flows(), type,
        failureTrace, settings.workerId(), state.topicsUsed());
  }

  // ---------------------------------------------------------------- events

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        // Revisions keep counting across a delete, so no node mistakes a re-created connector's
        // first config for the old one's.
        .onEvent(ConnectorCreated.class, (s, e) ->
            new State(Map.copyOf(e.config()), s.revision() + 1, e.target(), List.of(), 0, List.of()))
        .onEvent(ConnectorReconfigured.class, (s, e) ->
            s.with(Map.copyOf(e.config()), s.revision() + 1, s.target(), s.flows(), s.nextTaskId(), s.topicsUsed()))
        .onEvent(TargetChanged.class, (s, e) -> {
          State changed = s.with(s.config(), s.revision(), e.target(), s.flows(), s.nextTaskId(), s.topicsUsed());
          return e.target() == TargetState.RUNNING ? changed.using(s.flows()) : changed;
        })
        .onEvent(FlowsAdded.class, (s, e) -> {
          List<String> updated = e.flows().stream().map(FlowRef::key).toList();
          List<FlowRef> flows = new ArrayList<>(s.flows().stream().filter(f -> !updated.contains(f.key())).toList());
          flows.addAll(e.flows());
          flows.sort(Comparator.comparingInt(FlowRef::taskId));
          int next = e.flows().stream().mapToInt(FlowRef::taskId).max().orElse(s.nextTaskId() - 1) + 1;
          return s.with(s.config(), s.revision(), s.target(), List.copyOf(flows), Math.max(next, s.nextTaskId()),
              s.topicsUsed()).using(e.flows());
        })
        .onEvent(FlowsRetired.class, (s, e) -> s.with(s.config(), s.revision(), s.target(),
            s.flows().stream().filter(f -> !e.keys().contains(f.key())).toList(), s.nextTaskId(), s.topicsUsed()))
        .onEvent(ConnectorDeleted.class, (s, e) ->
            new State(null, s.revision(), TargetState.STOPPED, List.of(), 0, List.of()))
        .onEvent(TopicsReset.class, (s, e) -> {
          State reset = s.with(s.config(), s.revision(), s.target(), s.flows(), s.nextTaskId(), List.of());
          return s.target() == TargetState.RUNNING ? reset.using(s.flows()) : reset;
        })
        .build();
  }
}
