package dev.ferry.engine.connector;

import dev.ferry.engine.JsonSerializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;

/**
 * The cluster-wide index of connector names behind {@code GET /connectors}: one sharded,
 * event-sourced entity. Connector entities register themselves on create and on every recovery
 * (so the index heals after a crash between the two writes) and unregister on delete.
 */
public final class ConnectorRegistry extends EventSourcedBehaviorWithEnforcedReplies<
    ConnectorRegistry.Command, ConnectorRegistry.Event, ConnectorRegistry.State> {

  /** Sharding type key of the registry. */
  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "ConnectorRegistry");

  private static final String ENTITY_ID = "all";

  /** Registry messages. */
  public sealed interface Command extends JsonSerializable {}

  /** Adds a name (idempotent). */
  public record Register(String name, ActorRef<Done> replyTo) implements Command {}

  /** Removes a name (idempotent). */
  public record Unregister(String name, ActorRef<Done> replyTo) implements Command {}

  /** Lists the names, sorted. */
  public record ListNames(ActorRef<Names> replyTo) implements Command {}

  /** The reply to {@link ListNames}: every name, sorted (a record, so it crosses nodes as JSON). */
  public record Names(List<String> names) implements JsonSerializable {}

  /** Registry events. */
  public sealed interface Event extends JsonSerializable {}

  /** A connector name was added. */
  public record NameRegistered(String name) implements Event {}

  /** A connector name was removed. */
  public record NameUnregistered(String name) implements Event {}

  /** The names. */
  public record State(Set<String> names) implements JsonSerializable {}

  /** Registers the registry with sharding on this node. */
  public static void init(ActorSystem<?> system) {
    ClusterSharding.get(system).init(Entity.of(TYPE_KEY, ctx -> create()));
  }

  /** The registry entity. */
  public static EntityRef<Command> ref(ActorSystem<?> system) {
    return ClusterSharding.get(system).entityRefFor(TYPE_KEY, ENTITY_ID);
  }

  static void register(ActorSystem<?> system, String name) {
    ref(system).tell(new Register(name, system.ignoreRef()));
  }

  static void unregister(ActorSystem<?> system, String name) {
    ref(system).tell(new Unregister(name, system.ignoreRef()));
  }

  static Behavior<Command> create() {
    return new ConnectorRegistry();
  }

  private ConnectorRegistry() {
    super(PersistenceId.of(TYPE_KEY.name(), ENTITY_ID));
  }

  @Override
  public State emptyState() {
    return new State(Set.of());
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Register.class, (s, c) -> s.names().contains(c.name())
            ? Effect().reply(c.replyTo(), Done.getInstance())
            : Effect().persist(new NameRegistered(c.name())).thenReply(c.replyTo(), x -> Done.getInstance()))
        .onCommand(Unregister.class, (s, c) -> !s.names().contains(c.name())
            ? Effect().reply(c.replyTo(), Done.getInstance())
            : Effect().persist(new NameUnregistered(c.name())).thenReply(c.replyTo(), x -> Done.getInstance()))
        .onCommand(ListNames.class, (s, c) -> Effect().reply(c.replyTo(), new Names(List.copyOf(new TreeSet<>(s.names())))))
        .build();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(NameRegistered.class, (s, e) -> {
          TreeSet<String> names = new TreeSet<>(s.names());
          names.add(e.name());
          return new State(names);
        })
        .onEvent(NameUnregistered.class, (s, e) -> {
          TreeSet<String> names = new TreeSet<>(s.names());
          names.remove(e.name());
          return new State(names);
        })
        .build();
  }
}
