package dev.ferry.api;

import ch.qos.logback.classic.Level;
import dev.ferry.engine.JsonSerializable;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /admin/loggers/{name}?scope=cluster}: one subscriber per node on the Pekko pub/sub
 * topic {@value #TOPIC} applies every published level change to its node's logback, as Connect 3.7
 * applies a cluster-scope change on every worker. Started with the node's REST API (one per actor
 * system, as an extension); a node only gets changes published after its subscription has spread
 * through the cluster's receptionist (a second or so after it joined), and a node that restarts
 * starts from its logback.xml again, as with worker scope.
 */
public final class LogLevelBroadcast implements Extension {

  /** The pub/sub topic every node subscribes to. */
  public static final String TOPIC = "ferry-log-levels";

  private static final Logger LOG = LoggerFactory.getLogger(LogLevelBroadcast.class);

  private static final ExtensionId<LogLevelBroadcast> ID = new ExtensionId<>() {
    @Override
    public LogLevelBroadcast createExtension(ActorSystem<?> system) {
      return new LogLevelBroadcast(system);
    }
  };

  /**
   * A level change for every node; crosses nodes as JSON.
   *
   * @param logger the logger (Connect's name: {@code root} for the root logger)
   * @param level  a valid logback level name
   * @param origin the address of the node that received the request
   */
  public record SetLevel(String logger, String level, String origin) implements JsonSerializable {}

  private final ActorRef<Topic.Command<SetLevel>> topic;
  private final String self;
  private final AtomicReference<SetLevel> lastApplied = new AtomicReference<>();

  private LogLevelBroadcast(ActorSystem<?> system) {
    self = system.address().toString();
    topic = system.systemActorOf(Topic.create(SetLevel.class, TOPIC), "ferry-log-levels-topic", Props.empty());
    system.systemActorOf(subscriber(topic), "ferry-log-levels", Props.empty());
  }

  /** This actor system's instance, started (topic and subscriber) on first use. */
  public static LogLevelBroadcast get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** Sends a change to every node of the cluster, this one included. */
  void publish(String logger, Level level) {
    topic.tell(Topic.publish(new SetLevel(logger, level.toString(), self)));
  }

  /** The last change this node applied from the topic, if any (for diagnostics and tests). */
  public Optional<SetLevel> lastApplied() {
    return Optional.ofNullable(lastApplied.get());
  }

  private Behavior<SetLevel> subscriber(ActorRef<Topic.Command<SetLevel>> topic) {
    return Behaviors.setup(context -> {
      topic.tell(Topic.subscribe(context.getSelf()));
      return Behaviors.receiveMessage(change -> {
        Level level = Level.toLevel(change.level(), null);
        if (level == null) {
          LOG.warn("Ignoring cluster-scope change of logger {} to unknown level '{}' from {}",
              change.logger(), change.level(), change.origin());
        } else {
          int affected = LogLevels.set(change.logger(), level).size();
          lastApplied.set(change);
          LOG.info("Logger {} and {} logger(s) below it set to {} (cluster scope, requested on {})",
              change.logger(), affected - 1, level, change.origin());
        }
        return Behaviors.same();
      });
    });
  }
}
