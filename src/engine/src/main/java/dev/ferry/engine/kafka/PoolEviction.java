package dev.ferry.engine.kafka;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** Watches a pooled client actor and runs an eviction when it stops, so the pool never hands out a dead one. */
final class PoolEviction {

  private PoolEviction() {}

  static Behavior<Void> whenTerminated(ActorRef pooled, Runnable evict) {
    return Behaviors.setup(ctx -> {
      ctx.watch(Adapter.toTyped(pooled));
      return Behaviors.receive(Void.class)
          .onSignal(Terminated.class, t -> {
            evict.run();
            return Behaviors.stopped();
          })
          .build();
    });
  }
}
