package dev.ferry.engine.connector;

import dev.ferry.engine.TargetState;
import dev.ferry.engine.flow.FlowEntity;
import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.spi.FlowRef;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Tells a connector's flows what to do, wherever sharding runs them: each flow its descriptor, the
 * connector's config revision and target state ({@link FlowEntity.Assign}), or to stop
 * ({@link FlowEntity.Remove}). Fire and forget: flows ignore an assignment they already have, and
 * the connector repeats the whole fan-out after every discovery, so a lost message heals.
 */
final class FlowFanOut {

  private final ActorSystem<?> system;
  private final String connector;

  FlowFanOut(ActorSystem<?> system, String connector) {
    this.system = system;
    this.connector = connector;
  }

  /** Every flow runs, pauses or stops as {@code target} says, on config {@code revision}. */
  void assign(List<FlowRef> flows, int revision, TargetState target) {
    for (FlowRef flow : flows) {
      var ref = FlowEntity.ref(system, new FlowId(connector, flow.key()));
      if (target == TargetState.STOPPED) {
        ref.tell(new FlowEntity.Remove(false, system.ignoreRef()));
      } else {
        ref.tell(new FlowEntity.Assign(flow, revision, target, system.ignoreRef()));
      }
    }
  }

  /** The flows stop; with {@code deleteOffsets} their positions are wiped (connector deleted). */
  void remove(List<String> keys, boolean deleteOffsets) {
    for (String key : keys) {
      FlowEntity.ref(system, new FlowId(connector, key)).tell(new FlowEntity.Remove(deleteOffsets, system.ignoreRef()));
    }
  }

  /** The flows restart their graphs; with {@code onlyFailed} only the failed ones. */
  void restart(List<FlowRef> flows, boolean onlyFailed) {
    for (FlowRef flow : flows) {
      FlowEntity.ref(system, new FlowId(connector, flow.key()))
          .tell(new FlowEntity.Restart(onlyFailed, system.ignoreRef()));
    }
  }
}
