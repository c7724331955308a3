package dev.ferry.connectors.kafka;

import dev.ferry.connectors.connect.ConverterSettings;
import dev.ferry.connectors.connect.ErrantRecords;
import dev.ferry.connectors.connect.Stage;
import dev.ferry.connectors.connect.TransformChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The transforms of a replicating flow, for one graph run: each copy is read into Connect's model
 * as a {@link SourceRecord} (with the source converters), transformed, and written back to bytes
 * (with the target converters). A transform may drop a record (null) or route it to another topic
 * (RegexRouter, TimestampRouter); failures follow the connector's {@code errors.*}
 * ({@link ErrantRecords}: the original source record is the dead letter).
 */
final class CopyTransform implements AutoCloseable {

  private final ConverterSettings sourceSettings;
  private final ConverterSettings targetSettings;
  private final ConverterSettings.Converters source;
  private final ConverterSettings.Converters target;
  private final TransformChain.Running<SourceRecord> transforms;
  private final ErrantRecords errants;

  CopyTransform(CopySettings settings, ErrantRecords errants) {
    this.sourceSettings = settings.source();
    this.targetSettings = settings.target().converters();
    this.source = sourceSettings.create();
    this.target = targetSettings.create();
    this.transforms = settings.target().transforms().create();
    this.errants = errants;
  }

  /**
   * The transformed copies, index for index (null where a record was dropped or tolerated), once
   * every tolerated failure's dead letter is durable; fails on a failure that is not tolerated.
   */
  CompletionStage<List<ProducerRecord<byte[], byte[]>>> apply(List<ConsumerRecord<byte[], byte[]>> originals,
                                                              List<ProducerRecord<byte[], byte[]>> copies) {
    List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(copies.size());
    List<CompletableFuture<Void>> tolerated = new ArrayList<>();
    for (int i = 0; i < copies.size(); i++) {
      ProducerRecord<byte[], byte[]> copy = copies.get(i);
      Stage stage = Stage.KEY_CONVERTER;
      String className = sourceSettings.key().className();
      try {
        SchemaAndValue key = source.key().toConnectData(copy.topic(), copy.headers(), copy.key());
        stage = Stage.VALUE_CONVERTER;
        className = sourceSettings.value().className();
        SchemaAndValue value = source.value().toConnectData(copy.topic(), copy.headers(), copy.value());
        stage = Stage.HEADER_CONVERTER;
        className = sourceSettings.header().className();
        ConnectHeaders headers = new ConnectHeaders();
        for (Header header : copy.headers()) {
          headers.add(header.key(), source.header().toConnectHeader(copy.topic(), header.key(), header.value()));
        }
        stage = Stage.TRANSFORMATION;
        className = null;
        SourceRecord transformed = transforms.apply(new SourceRecord(Map.of(), Map.of(), copy.topic(), copy.partition(),
            key.schema(), key.value(), value.schema(), value.value(), copy.timestamp(), headers));
        if (transformed == null) {
          out.add(null);
          continue;
        }
        RecordHeaders written = new RecordHeaders();
        stage = Stage.HEADER_CONVERTER;
        className = targetSettings.header().className();
        for (org.apache.kafka.connect.header.Header header : transformed.headers()) {
          written.add(header.key(), target.header().fromConnectHeader(transformed.topic(), header.key(),
              header.schema(), header.value()));
        }
        stage = Stage.KEY_CONVERTER;
        className = targetSettings.key().className();
        byte[] keyBytes = target.key().fromConnectData(transformed.topic(), written, transformed.keySchema(),
            transformed.key());
        stage = Stage.VALUE_CONVERTER;
        className = targetSettings.value().className();
        byte[] valueBytes = target.value().fromConnectData(transformed.topic(), written, transformed.valueSchema(),
            transformed.value());
        out.add(new ProducerRecord<>(transformed.topic(), transformed.kafkaPartition(), transformed.timestamp(),
            keyBytes, valueBytes, written));
      } catch (RuntimeException e) {
        CompletableFuture<Void> handled = errants.failed(originals.get(i), stage, className, e).toCompletableFuture();
        if (handled.isCompletedExceptionally()) {
          return handled.thenApply(v -> null);
        }
        tolerated.add(handled);
        out.add(null);
      }
    }
    if (tolerated.isEmpty()) {
      return CompletableFuture.completedFuture(out);
    }
    return CompletableFuture.allOf(tolerated.toArray(CompletableFuture[]::new)).thenApply(v -> out);
  }

  @Override
  public void close() {
    transforms.close();
  }
}
