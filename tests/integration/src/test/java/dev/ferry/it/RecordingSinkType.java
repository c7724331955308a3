package dev.ferry.it;

import dev.ferry.connectors.kafka.SinkPlanBase;
import dev.ferry.connectors.kafka.SinkSettings;
import dev.ferry.connectors.connect.ConnectSettings;
import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.ConnectorType;
import dev.ferry.engine.spi.SinkContext;
import dev.ferry.engine.spi.SinkTarget;
import dev.ferry.engine.spi.SinkWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A sink type for the engine's integration tests: it keeps the {@link SinkRecord}s it is given in
 * memory, by connector, so a test can look at exactly what Connect's converters and transforms
 * made of the records read from real brokers. {@code recording.reject.field=<name>} makes its
 * writer report every record whose (map) value has that field as an errant record, as a database
 * rejecting a row would. Every put is durable at once.
 */
public final class RecordingSinkType implements ConnectorType {

  /** Records written, by connector name, in the order each flow wrote them. */
  static final Map<String, List<SinkRecord>> WRITTEN = new ConcurrentHashMap<>();

  @Override
  public String className() {
    return "dev.ferry.it.RecordingSinkConnector";
  }

  @Override
  public String type() {
    return "sink";
  }

  @Override
  public String version() {
    return "test";
  }

  @Override
  public ConnectorPlan plan(String name, Map<String, String> config, ConnectorContext context) {
    List<String> errors = new ArrayList<>();
    SinkSettings sink = SinkSettings.parse(config, context, ConnectSettings.JSON, errors);
    if (!errors.isEmpty()) {
      throw new ConnectorConfigException(errors);
    }
    String reject = config.get("recording.reject.field");
    return new SinkPlanBase<>(name, config, null, List.of(), context, sink) {
      @Override
      protected SinkTarget createTarget(ActorSystem<?> system) {
        return sinkContext -> new Writer(name, reject, sinkContext);
      }

      @Override
      protected String taskClass() {
        return "dev.ferry.it.RecordingSinkTask";
      }
    };
  }

  private record Writer(String connector, String reject, SinkContext context) implements SinkWriter {
    @Override
    public CompletionStage<Long> put(List<SinkRecord> records, long nextOffset) {
      List<SinkRecord> into = WRITTEN.computeIfAbsent(connector, c -> new CopyOnWriteArrayList<>());
      CompletableFuture<Void> reported = CompletableFuture.completedFuture(null);
      for (SinkRecord record : records) {
        if (reject != null && record.value() instanceof Map<?, ?> value && value.containsKey(reject)) {
          reported = reported.thenCompose(v -> context.errors().report(record,
              new IllegalArgumentException("value has the rejected field " + reject)).toCompletableFuture());
        } else {
          into.add(record);
        }
      }
      return reported.thenApply(v -> nextOffset);
    }

    @Override
    public CompletionStage<Long> flush(long nowMs) {
      return CompletableFuture.completedFuture(NOTHING_NEW);
    }

    @Override
    public void close() {}
  }
}
