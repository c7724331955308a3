package dev.ferry.connectors.kafka;

import dev.ferry.connectors.connect.ConnectSettings;
import dev.ferry.connectors.connect.ConverterSettings;
import dev.ferry.connectors.connect.ErrorPolicy;
import dev.ferry.connectors.connect.TransformChain;
import java.util.List;
import java.util.Map;

/**
 * How a Kafka-to-Kafka connector (replicator, MirrorMaker 2) treats record contents. Without
 * {@code transforms} it copies key, value and headers as bytes (zero-copy: no converter runs, the
 * converter keys are accepted and ignored). With transforms, each record is read with the
 * {@code src.key.converter}/{@code src.value.converter}/{@code src.header.converter} (Confluent
 * Replicator's keys; default ByteArrayConverter), transformed exactly as Connect does, and written
 * with {@code key.converter}/{@code value.converter}/{@code header.converter} (default
 * ByteArrayConverter, not the worker's: a replicator copies bytes unless told otherwise).
 * {@code errors.*} applies to failures of conversion and transforms, with the dead letter queue on
 * the target cluster.
 *
 * @param source how source records are read (used only with transforms)
 * @param target converters, transforms and error handling of what is written
 */
public record CopySettings(ConverterSettings source, ConnectSettings target) {

  /** Reads the keys; adds each problem to {@code errors}, naming its key. */
  public static CopySettings parse(Map<String, String> config, List<String> errors) {
    ConverterSettings source = ConverterSettings.parse(config, "src.", ConnectSettings.BYTES, ConnectSettings.BYTES,
        errors);
    ConnectSettings target = new ConnectSettings(
        ConverterSettings.parse(config, "", ConnectSettings.BYTES, ConnectSettings.BYTES, errors),
        TransformChain.parse(config, errors), ErrorPolicy.parse(config, errors));
    return new CopySettings(source, target);
  }

  /** Whether records are transformed (else copied as bytes). */
  public boolean transforms() {
    return !target.transforms().isEmpty();
  }
}
