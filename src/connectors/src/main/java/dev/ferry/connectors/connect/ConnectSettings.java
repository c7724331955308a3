package dev.ferry.connectors.connect;

import java.util.List;
import java.util.Map;

/**
 * A connector's record-model settings, parsed once per plan: its converters, its single message
 * transforms and its error handling, with the worker's defaults under the connector's own keys.
 *
 * @param converters key, value and header converters
 * @param transforms the transform chain (empty when none)
 * @param errors     {@code errors.*}
 */
public record ConnectSettings(ConverterSettings converters, TransformChain transforms, ErrorPolicy errors) {

  /** Kafka's JSON converter: Connect's shipped worker default. */
  public static final String JSON = "org.apache.kafka.connect.json.JsonConverter";
  /** Kafka's byte array converter: bytes as they are. */
  public static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

  /**
   * Reads a connector config laid over the worker's defaults; adds each problem to {@code errors}.
   *
   * @param fallbackConverter the converter when neither the connector nor the worker names one
   */
  public static ConnectSettings parse(Map<String, String> config, String fallbackConverter, List<String> errors) {
    return new ConnectSettings(
        ConverterSettings.parse(config, "", fallbackConverter, fallbackConverter, errors),
        TransformChain.parse(config, errors),
        ErrorPolicy.parse(config, errors));
  }
}
