package dev.ferry.engine.flow;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.connector.ConnectorPlan;
import dev.ferry.engine.connector.ConnectorType;
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
 * A connector type for engine unit tests: its flows read an in-memory "partition" of
 * {@code fake.records} records and acknowledge each one at once; {@code fake.fail-at} makes the
 * graph fail once when it reaches that offset. Records where each graph started and whether it
 * was asked to stop.
 */
public final class FakeConnectorType implements ConnectorType {

  /** Offsets each flow's graphs started from, in order, by topic. */
  static final Map<String, List<Long>> STARTS = new ConcurrentHashMap<>();
  /** Topics whose graph was asked to stop consuming. */
  static final Map<String, AtomicBoolean> STOPPED = new ConcurrentHashMap<>();
  private static final Map<String, AtomicBoolean> FAILED_ONCE = new ConcurrentHashMap<>();

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
  public ConnectorPlan plan(String name, Map<String, String> config, EngineSettings settings) {
    long records = Long.parseLong(config.getOrDefault("fake.records", "0"));
    long failAt = Long.parseLong(config.getOrDefault("fake.fail-at", "-1"));
    return new ConnectorPlan() {
      @Override
      public List<String> warnings() {
        return List.of();
      }

      @Override
      public CompletionStage<List<FlowSpec>> discoverFlows(ActorSystem<?> system) {
        return CompletableFuture.completedFuture(List.of());
      }

      @Override
      public FlowGraph flowGraph(FlowSpec spec, ActorSystem<?> system) {
        String topic = spec.id().topic();
        return new FlowGraph() {
          @Override
          public CompletionStage<Long> initialOffset() {
            return CompletableFuture.completedFuture(0L);
          }

          @Override
          public Source<FlowProgress, FlowControl> from(long offset) {
            STARTS.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(offset);
            STOPPED.put(topic, new AtomicBoolean());
            AtomicBoolean failedOnce = FAILED_ONCE.computeIfAbsent(topic, t -> new AtomicBoolean());
            return Source.fromIterator(() -> LongStream.range(offset, records).iterator())
                .map(n -> {
                  if (n == failAt && failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("fake target refused record " + n);
                  }
                  return new FlowProgress(n + 1, 1, 10, 1000 + n);
                })
                .concat(Source.never())
                .viaMat(KillSwitches.single(), Keep.right())
                .mapMaterializedValue(kill -> (FlowControl) () -> {
                  STOPPED.get(topic).set(true);
                  kill.shutdown();
                });
          }
        };
      }

      @Override
      public Map<String, String> taskConfig(FlowSpec spec) {
        return Map.of();
      }
    };
  }
}
