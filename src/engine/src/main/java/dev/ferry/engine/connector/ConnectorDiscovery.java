package dev.ferry.engine.connector;

import dev.ferry.engine.flow.FlowFailures;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.FlowDescriptor;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * A connector's discovery loop, as a child of its {@link ConnectorEntity}: asks the connector's
 * plan which flows it needs now, on start and then every interval, one discovery at a time, and
 * reports each result (or failure) to the entity. A new plan (config change) or a stop makes the
 * answers of a discovery still under way stale; they are dropped.
 *
 * <p>After a failure (an unreachable or refusing cluster) the next attempts back off, doubling
 * from the interval up to eight intervals, so a broken connector does not hammer its cluster; the
 * failure is reported once per attempt and the entity logs it once until the connector recovers.
 */
final class ConnectorDiscovery {

  /** What the discovery loop understands. */
  sealed interface Command {}

  /** Discovers with {@code plan} now and then every {@code interval}, replacing an earlier plan. */
  record Run(ConnectorPlan plan, Duration interval) implements Command {}

  /** Discovers now (a restart or resume), keeping the current plan. */
  enum Now implements Command { INSTANCE }

  /** Stops discovering (connector paused, stopped or deleted). */
  enum Halt implements Command { INSTANCE }

  private record Tick(long generation) implements Command {}

  private record Found(long generation, List<FlowDescriptor> flows) implements Command {}

  private record Failed(long generation, String trace) implements Command {}

  private static final int MAX_BACKOFF_INTERVALS = 8;

  private final String connector;
  private final ActorRef<ConnectorEntity.Command> entity;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private long generation;

  static Behavior<Command> create(String connector, ActorRef<ConnectorEntity.Command> entity) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new ConnectorDiscovery(connector, entity, ctx, timers)
        .halted()));
  }

  private ConnectorDiscovery(String connector, ActorRef<ConnectorEntity.Command> entity, ActorContext<Command> context,
                             TimerScheduler<Command> timers) {
    this.connector = connector;
    this.entity = entity;
    this.context = context;
    this.timers = timers;
  }

  private Behavior<Command> halted() {
    timers.cancelAll();
    generation++;
    return Behaviors.receive(Command.class)
        .onMessage(Run.class, run -> discovering(run, 0))
        .onAnyMessage(ignored -> Behaviors.same())
        .build();
  }

  /** One discovery under way; {@code failures} in a row before it. */
  private Behavior<Command> discovering(Run run, int failures) {
    timers.cancelAll();
    long current = ++generation;
    try {
      context.pipeToSelf(run.plan().discoverFlows(context.getSystem()), (flows, error) -> error == null
          ? new Found(current, flows)
          : new Failed(current, FlowFailures.trace("Connector " + connector + " cannot discover its flows", error)));
    } catch (RuntimeException e) {
      context.getSelf().tell(new Failed(current, FlowFailures.trace("Connector " + connector + " is misconfigured", e)));
    }
    return Behaviors.receive(Command.class)
        .onMessage(Found.class, f -> f.generation() == current, f -> {
          entity.tell(new ConnectorEntity.FlowsDiscovered(f.flows()));
          return waiting(run, 0, run.interval());
        })
        .onMessage(Failed.class, f -> f.generation() == current, f -> {
          entity.tell(new ConnectorEntity.DiscoveryFailed(f.trace()));
          long factor = Math.min(MAX_BACKOFF_INTERVALS, 1L << Math.min(failures, 3));
          return waiting(run, failures + 1, run.interval().multipliedBy(factor));
        })
        .onMessage(Run.class, next -> discovering(next, 0))
        .onMessage(Halt.class, h -> halted())
        .onAnyMessage(stale -> Behaviors.same()) // Now while discovering: the running one answers
        .build();
  }

  private Behavior<Command> waiting(Run run, int failures, Duration delay) {
    long current = generation;
    timers.startSingleTimer(new Tick(current), delay);
    return Behaviors.receive(Command.class)
        .onMessage(Tick.class, t -> t.generation() == current, t -> discovering(run, failures))
        .onMessage(Now.class, n -> discovering(run, failures))
        .onMessage(Run.class, next -> discovering(next, 0))
        .onMessage(Halt.class, h -> halted())
        .onAnyMessage(stale -> Behaviors.same())
        .build();
  }
}
