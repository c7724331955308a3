package dev.ferry.engine.metrics;

import dev.ferry.engine.spi.FlowProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.apache.pekko.stream.Attributes;

/**
 * The meters of one running flow, in MirrorMaker 2's {@code MirrorSourceConnector} metrics per
 * target topic-partition: {@code record-count}, {@code record-rate}, {@code byte-count},
 * {@code byte-rate}, {@code record-age-ms} and {@code replication-latency-ms} (each with
 * {@code -min}, {@code -max}, {@code -avg} over a 2 × 30 s window, as Kafka's metrics compute them),
 * plus Ferry's {@code ferry.flow.offset.lag} and {@code ferry.flow.time.lag.ms} with the same tags.
 *
 * <p>Recorded once per acknowledged batch ({@link #acknowledged}) and once per chunk the source
 * emits ({@link #polled}), never per record, and without allocating. Lifecycle: created when the
 * flow's graph starts on a node, {@link #close() closed} (its meters removed from the registry)
 * when the graph stops, so a flow that moved to another node is exported only there. It is also
 * a stream {@link Attributes.Attribute}: the flow entity attaches it to its graph so the source
 * stage can find it.
 */
public final class FlowMeters implements Attributes.Attribute, AutoCloseable {

  /** Prefix of the meters: MirrorMaker 2's JMX group {@code kafka.connect.mirror}, type {@code MirrorSourceConnector}. */
  static final String PREFIX = "kafka.connect.mirror.source.connector.";
  /** Kafka's default {@code metrics.sample.window.ms}; two such samples make the window. */
  static final long WINDOW_MS = 30_000;

  private final MeterRegistry registry;
  private final LongSupplier clock;
  private final List<Meter> meters = new ArrayList<>(); // guarded by this once constructed
  private final Counter records;
  private final Counter bytes;
  private final SampledStat recordRate = new SampledStat(WINDOW_MS);
  private final SampledStat byteRate = new SampledStat(WINDOW_MS);
  private final SampledStat recordAge = new SampledStat(WINDOW_MS);
  private final SampledStat latency = new SampledStat(WINDOW_MS);
  private final Runnable onClose;
  private volatile double offsetLag = Double.NaN;
  private volatile double timeLagMs = Double.NaN;

  /**
   * Registers the flow's meters.
   *
   * @param tags  {@code connector}, {@code source}, {@code target}, {@code topic} (the target topic, as
   *              in MirrorMaker 2) and {@code partition}
   * @param clock wall-clock ms ({@code System::currentTimeMillis}); record timestamps are wall-clock too
   * @param onClose run once the meters are removed
   */
  FlowMeters(MeterRegistry registry, Tags tags, LongSupplier clock, Runnable onClose) {
    this.registry = registry;
    this.clock = clock;
    this.onClose = onClose;
    this.records = register(Counter.builder(PREFIX + "record.count").tags(tags)
        .description("Number of source records replicated to the target cluster.").register(registry));
    this.bytes = register(Counter.builder(PREFIX + "byte.count").tags(tags)
        .description("Number of bytes (keys and values) replicated to the target cluster.").register(registry));
    gauge("record.rate", tags, recordRate, s -> s.ratePerSecond(clock.getAsLong()),
        "Average number of source records replicated to the target cluster per second.");
    gauge("byte.rate", tags, byteRate, s -> s.ratePerSecond(clock.getAsLong()),
        "Average number of bytes replicated per second.");
    window("record.age.ms", tags, recordAge, "The age of incoming source records (when Ferry reads them)");
    window("replication.latency.ms", tags, latency,
        "Time it takes records to replicate from source to target cluster (target acknowledgement − record timestamp)");
    register(Gauge.builder("ferry.flow.offset.lag", this, m -> m.offsetLag).tags(tags)
        .description("Source records not yet replicated: source end offset − the flow's persisted offset"
            + " (measured when /metrics is scraped).").register(registry));
    register(Gauge.builder("ferry.flow.time.lag.ms", this, m -> m.timeLagMs).tags(tags)
        .description("Age of the newest replicated record while the flow is behind, 0 when caught up.")
        .register(registry));
  }

  /** The flow's offset lag and time lag as last measured; negative values mean unknown (NaN). */
  void lag(long offsetLag, long timeLagMs) {
    this.offsetLag = offsetLag < 0 ? Double.NaN : offsetLag;
    this.timeLagMs = timeLagMs < 0 ? Double.NaN : timeLagMs;
  }

  /**
   * A batch the target acknowledged: counts its records and bytes and its replication latency,
   * the acknowledgement time minus its newest record's timestamp.
   */
  public void acknowledged(FlowProgress progress) {
    if (progress.records() <= 0) {
      return;
    }
    long now = clock.getAsLong();
    records.increment(progress.records());
    bytes.increment(progress.bytes());
    recordRate.record(progress.records(), now);
    byteRate.record(progress.bytes(), now);
    if (progress.sourceTimestamp() > 0) {
      latency.record(Math.max(0, now - progress.sourceTimestamp()), now);
    }
  }

  /** A record read from the source with timestamp {@code timestampMs}: its age now. */
  public void polled(long timestampMs) {
    if (timestampMs > 0) {
      long now = clock.getAsLong();
      recordAge.record(Math.max(0, now - timestampMs), now);
    }
  }

  /** Removes the flow's meters from the registry; recording afterwards is harmless and unseen. */
  @Override
  public synchronized void close() {
    if (meters.isEmpty()) {
      return;
    }
    meters.forEach(registry::remove);
    meters.clear();
    onClose.run();
  }

  private void window(String name, Tags tags, SampledStat stat, String description) {
    gauge(name, tags, stat, SampledStat::last, description + ", latest.");
    gauge(name + ".min", tags, stat, s -> s.min(clock.getAsLong()), description + ", minimum over the window.");
    gauge(name + ".max", tags, stat, s -> s.max(clock.getAsLong()), description + ", maximum over the window.");
    gauge(name + ".avg", tags, stat, s -> s.avg(clock.getAsLong()), description + ", average over the window.");
  }

  private void gauge(String name, Tags tags, SampledStat stat, ToDoubleFunction<SampledStat> value,
                     String description) {
    register(Gauge.builder(PREFIX + name, stat, value).tags(tags).description(description).strongReference(true)
        .register(registry));
  }

  private <M extends Meter> M register(M meter) {
    meters.add(meter);
    return meter;
  }
}
