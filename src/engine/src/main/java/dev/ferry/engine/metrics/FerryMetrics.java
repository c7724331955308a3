package dev.ferry.engine.metrics;

import dev.ferry.engine.connector.FlowView;
import dev.ferry.engine.flow.FlowId;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node's metrics: one Micrometer {@link PrometheusMeterRegistry} per actor system, holding the
 * JVM's meters (memory, GC, threads, class loading, CPU, uptime), the {@link FlowMeters} of the
 * flows running on this node, and each of those flows' offset and time lag. The REST API serves
 * {@link #scrape()} at {@code GET /metrics}.
 *
 * <p>Lifecycle: created on first use, closed (GC listeners removed) by a CoordinatedShutdown task
 * before the actor system terminates. Nothing is persisted: a restarted node starts from zero, as
 * Prometheus counters may.
 */
public final class FerryMetrics implements Extension {

  /** Extension id: {@code FerryMetrics.get(system)}. */
  public static final class Id extends ExtensionId<FerryMetrics> {
    @Override
    public FerryMetrics createExtension(ActorSystem<?> system) {
      return new FerryMetrics(system);
    }
  }

  private static final Id ID = new Id();

  /** The tags of every flow's meters besides {@code connector}: MirrorMaker 2's. */
  public static final List<String> FLOW_TAGS = List.of("source", "target", "topic", "partition");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<FlowId, FlowMeters> running = new ConcurrentHashMap<>();

  /** The node's metrics. */
  public static FerryMetrics get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  private FerryMetrics(ActorSystem<?> system) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "ferry-metrics-close",
        () -> {
          gc.close();
          registry.close();
          return CompletableFuture.completedFuture(Done.getInstance());
        });
  }

  /**
   * Registers the meters of a flow whose graph starts on this node; close them when it stops.
   *
   * @param tags the flow's {@link #FLOW_TAGS} as its plan names them (MirrorMaker 2's for Kafka
   *             types); a missing tag is empty, since Prometheus needs one tag set per meter name
   */
  public FlowMeters flowMeters(FlowId id, Map<String, String> tags) {
    Tags flowTags = Tags.of("connector", id.connector());
    for (String key : FLOW_TAGS) {
      flowTags = flowTags.and(key, tags.getOrDefault(key, ""));
    }
    // A graph that did not drain in time may still hold the flow's meters: replace them.
    FlowMeters previous = running.get(id);
    if (previous != null) {
      previous.close();
    }
    FlowMeters[] created = new FlowMeters[1];
    created[0] = new FlowMeters(registry, flowTags, System::currentTimeMillis, () -> running.remove(id, created[0]));
    running.put(id, created[0]);
    return created[0];
  }

  /**
   * Sets the offset and time lag of those {@code flows} that run on this node (see {@link FlowView}
   * for how they are computed); the others are ignored.
   */
  public void updateLag(List<FlowView> flows, long nowMs) {
    for (FlowView flow : flows) {
      FlowMeters meters = running.get(flow.id());
      if (meters != null) {
        meters.lag(flow.offsetLag(), flow.timeLagMs(nowMs));
      }
    }
  }

  /** Every meter in Prometheus' text exposition format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  /** The registry, for meters of other parts of the node. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }
}
