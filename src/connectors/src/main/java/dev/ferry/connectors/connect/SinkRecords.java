package dev.ferry.connectors.connect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns the records a sink flow reads into Kafka Connect's {@link SinkRecord}s, as Connect's worker
 * does: key, value and each header through the connector's converters, then its transforms; a
 * record a transform drops is left out. A record that fails goes to the flow's
 * {@link ErrantRecords} (fail the flow, or tolerate it and its dead letter). One instance per
 * graph run: converters and transforms are not shared between flows.
 */
public final class SinkRecords implements AutoCloseable {

  /** A batch converted: the records to write, and the original of each by offset (for dead letters). */
  public record Converted(List<SinkRecord> records, Map<Long, ConsumerRecord<byte[], byte[]>> originals) {}

  private final ConverterSettings.Converters converters;
  private final ConverterSettings settings;
  private final TransformChain.Running<SinkRecord> transforms;
  private final ErrantRecords errants;

  /** Fresh converters and transforms of {@code connect}, failures handled by {@code errants}. */
  public SinkRecords(ConnectSettings connect, ErrantRecords errants) {
    this.settings = connect.converters();
    this.converters = settings.create();
    this.transforms = connect.transforms().create();
    this.errants = errants;
  }

  /** Converts a batch; completes once every tolerated failure is handled, fails on one that is not. */
  public CompletionStage<Converted> convert(List<ConsumerRecord<byte[], byte[]>> batch) {
    List<SinkRecord> out = new ArrayList<>(batch.size());
    Map<Long, ConsumerRecord<byte[], byte[]>> originals = new HashMap<>();
    List<CompletableFuture<Void>> tolerated = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      originals.put(record.offset(), record);
      Stage stage = Stage.KEY_CONVERTER;
      String className = settings.key().className();
      try {
        SchemaAndValue key = converters.key().toConnectData(record.topic(), record.headers(), record.key());
        stage = Stage.VALUE_CONVERTER;
        className = settings.value().className();
        SchemaAndValue value = converters.value().toConnectData(record.topic(), record.headers(), record.value());
        stage = Stage.HEADER_CONVERTER;
        className = settings.header().className();
        ConnectHeaders headers = new ConnectHeaders();
        for (Header header : record.headers()) {
          SchemaAndValue converted = converters.header().toConnectHeader(record.topic(), header.key(), header.value());
          headers.add(header.key(), converted);
        }
        stage = Stage.TRANSFORMATION;
        className = null;
        SinkRecord sinkRecord = new SinkRecord(record.topic(), record.partition(), key.schema(), key.value(),
            value.schema(), value.value(), record.offset(), record.timestamp() >= 0 ? record.timestamp() : null,
            record.timestampType(), headers);
        SinkRecord transformed = transforms.apply(sinkRecord);
        if (transformed != null) {
          out.add(transformed);
        }
      } catch (RuntimeException e) {
        CompletableFuture<Void> handled = errants.failed(record, stage, className, e).toCompletableFuture();
        if (handled.isCompletedExceptionally()) {
          return handled.thenApply(v -> null);
        }
        tolerated.add(handled);
      }
    }
    Converted converted = new Converted(out, originals);
    if (tolerated.isEmpty()) {
      return CompletableFuture.completedFuture(converted);
    }
    return CompletableFuture.allOf(tolerated.toArray(CompletableFuture[]::new)).thenApply(v -> converted);
  }

  @Override
  public void close() {
    transforms.close();
  }
}
