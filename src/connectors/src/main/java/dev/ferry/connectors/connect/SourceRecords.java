package dev.ferry.connectors.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns the records a source produces (Kafka Connect {@link SourceRecord}s) into the records
 * written to Kafka, as Connect's worker does: the connector's transforms first (a record a
 * transform drops is left out; RegexRouter may rename its topic), then key, value and each header
 * through its converters. Failures go to the flow's {@link ErrantRecords}. One instance per graph
 * run.
 */
public final class SourceRecords implements AutoCloseable {

  /** A record to produce and the source record it came from (whose offset is the flow's position after it). */
  public record Outgoing(ProducerRecord<byte[], byte[]> record, SourceRecord source) {}

  private final ConverterSettings settings;
  private final ConverterSettings.Converters converters;
  private final TransformChain.Running<SourceRecord> transforms;
  private final ErrantRecords errants;

  /** Fresh converters and transforms of {@code connect}, failures handled by {@code errants}. */
  public SourceRecords(ConnectSettings connect, ErrantRecords errants) {
    this.settings = connect.converters();
    this.converters = settings.create();
    this.transforms = connect.transforms().create();
    this.errants = errants;
  }

  /**
   * Converts a poll's records, in order. A dropped or tolerated record still yields its source
   * record (with a null record to produce) so the flow's position moves past it.
   */
  public CompletionStage<List<Outgoing>> convert(List<SourceRecord> polled) {
    List<Outgoing> out = new ArrayList<>(polled.size());
    List<CompletableFuture<Void>> tolerated = new ArrayList<>();
    for (SourceRecord record : polled) {
      Stage stage = Stage.TRANSFORMATION;
      String className = null;
      try {
        SourceRecord transformed = transforms.apply(record);
        if (transformed == null) {
          out.add(new Outgoing(null, record));
          continue;
        }
        String topic = transformed.topic();
        RecordHeaders headers = new RecordHeaders();
        stage = Stage.HEADER_CONVERTER;
        className = settings.header().className();
        for (Header header : transformed.headers()) {
          headers.add(header.key(), converters.header().fromConnectHeader(topic, header.key(), header.schema(),
              header.value()));
        }
        stage = Stage.KEY_CONVERTER;
        className = settings.key().className();
        byte[] key = converters.key().fromConnectData(topic, headers, transformed.keySchema(), transformed.key());
        stage = Stage.VALUE_CONVERTER;
        className = settings.value().className();
        byte[] value = converters.value().fromConnectData(topic, headers, transformed.valueSchema(),
            transformed.value());
        out.add(new Outgoing(new ProducerRecord<>(topic, transformed.kafkaPartition(), transformed.timestamp(), key,
            value, headers), record));
      } catch (RuntimeException e) {
        CompletableFuture<Void> handled = errants.failed(describe(record), stage, className, e).toCompletableFuture();
        if (handled.isCompletedExceptionally()) {
          return handled.thenApply(v -> null);
        }
        tolerated.add(handled);
        out.add(new Outgoing(null, record));
      }
    }
    if (tolerated.isEmpty()) {
      return CompletableFuture.completedFuture(out);
    }
    return CompletableFuture.allOf(tolerated.toArray(CompletableFuture[]::new)).thenApply(v -> out);
  }

  private static String describe(SourceRecord record) {
    return record.sourcePartition() + "@" + record.sourceOffset();
  }

  @Override
  public void close() {
    transforms.close();
  }
}
