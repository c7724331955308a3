package dev.ferry.engine.flow;

import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.ConnectorType;
import dev.ferry.engine.spi.FlowControl;
import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowGraph;
import dev.ferry.engine.spi.FlowProgress;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.Position;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A connector type for engine unit tests: its flows read an in-memory source of
 * {@code fake.records} records and acknowledge each one at once; {@code fake.fail-at} makes the
 * graph fail once when it reaches that record; {@code fake.bounded=true} ends the graph after the
 * last record (and says so in its plan, unless {@code fake.plan-unbounded=true});
 * {@code fake.ignore-stop=true} makes the graph ignore being asked to stop (it never drains);
 * discovery finds no flows, or never answers with {@code fake.discovery=never}. Records where each graph started (by flow key) and whether it was asked to stop.
 */
public final class FakeConnectorType implements ConnectorType {

  /** Positions each flow's graphs started from, in order, by flow key. */
  static final Map<String, List<Long>> STARTS = new ConcurrentHashMap<>();
  /** Flow keys whose graph was asked to stop consuming. */
  static final Map<String, AtomicBoolean> STOPPED = new ConcurrentHashMap<>();
  private static final Map<String, AtomicBoolean> FAILED_ONCE = new ConcurrentHashMap<>();

  /** The position key of fake flows. */
  static final String NEXT = "next";

  @Override
  public String className() {
    return "dev.ferry.test.FakeSourceConnector";
  }

  @Override
  public String type() {
    return "source";
  }

  @Override
  public String version() {
    return "test";
  }

  @Override
  public ConnectorPlan plan(String name, Map<String, String> config, ConnectorContext context) {
    long records = Long.parseLong(config.getOrDefault("fake.records", "0"));
    long failAt = Long.parseLong(config.getOrDefault("fake.fail-at", "-1"));
    boolean bounded = Boolean.parseBoolean(config.getOrDefault("fake.bounded", "false"));
    boolean planUnbounded = Boolean.parseBoolean(config.getOrDefault("fake.plan-unbounded", "false"));
    boolean ignoreStop = Boolean.parseBoolean(config.getOrDefault("fake.ignore-stop", "false"));
    return new ConnectorPlan() {
      @Override
      public List<String> warnings() {
        return List.of();
      }

      @Override
      public CompletionStage<List<FlowDescriptor>> discoverFlows(ActorSystem<?> system) {
        // fake.discovery=never: a discovery that never answers, so a test alone decides what is found.
        return "never".equals(config.get("fake.discovery")) ? new CompletableFuture<>()
            : CompletableFuture.completedFuture(List.of());
      }

      @Override
      public boolean boundedFlows() {
        return bounded && !planUnbounded;
      }

      @Override
      public FlowGraph flowGraph(FlowRef flow, ActorSystem<?> system) {
        String key = flow.key();
        return new FlowGraph() {
          @Override
          public CompletionStage<Position> startPosition(Position persisted, boolean movedByOperator) {
            return CompletableFuture.completedFuture(persisted != null ? persisted : Position.of(NEXT, 0L));
          }

          @Override
          public Source<FlowProgress, FlowControl> from(Position position) {
            long offset = position.getLong(NEXT, 0);
            STARTS.computeIfAbsent(key, t -> new CopyOnWriteArrayList<>()).add(offset);
            STOPPED.put(key, new AtomicBoolean());
            AtomicBoolean failedOnce = FAILED_ONCE.computeIfAbsent(key, t -> new AtomicBoolean());
            Source<FlowProgress, ?> records0 = Source.fromIterator(() -> LongStream.range(offset, records).iterator())
                .map(n -> {
                  if (n == failAt && failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("fake target refused record " + n);
                  }
                  return new FlowProgress(Position.of(NEXT, n + 1), 1, 10, 1000 + n);
                });
            return (bounded ? records0 : records0.concat(Source.never()))
                .viaMat(KillSwitches.single(), Keep.right())
                .mapMaterializedValue(kill -> (FlowControl) () -> {
                  STOPPED.get(key).set(true);
                  if (!ignoreStop) {
                    kill.shutdown();
                  }
                });
          }
        };
      }

      @Override
      public Map<String, String> taskConfig(FlowRef flow) {
        return Map.of();
      }
    };
  }
}
