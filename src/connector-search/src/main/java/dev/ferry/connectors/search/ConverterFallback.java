package dev.ferry.connectors.search;

import dev.ferry.connectors.connect.ConnectSettings;
import dev.ferry.connectors.connect.PluginClasses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Confluent's Schema Registry converters ({@code AvroConverter}, {@code ProtobufConverter},
 * {@code JsonSchemaConverter}) in configs written for Confluent Platform, such as seed 004's: when
 * the class is not installed (no plugin brings it), the connector still starts, reading with Kafka's
 * {@code JsonConverter} with schemas enabled (the schema travels in each record, so structs, types
 * and the index mapping come out as with Avro), and the plan warns and says how to get the real one.
 * The {@code *.schema.registry.url} settings are then unused. An installed converter is used as named.
 */
final class ConverterFallback {

  private static final Set<String> SCHEMA_REGISTRY_CONVERTERS = Set.of("io.confluent.connect.avro.AvroConverter",
      "io.confluent.connect.protobuf.ProtobufConverter", "io.confluent.connect.json.JsonSchemaConverter");

  private ConverterFallback() {}

  /** {@code config} with missing Schema Registry converters replaced; one warning per replaced key. */
  static Map<String, String> apply(Map<String, String> config, List<String> warnings) {
    Map<String, String> out = new HashMap<>(config);
    for (String key : List.of("key.converter", "value.converter")) {
      String className = config.get(key);
      if (className == null || !SCHEMA_REGISTRY_CONVERTERS.contains(className.trim()) || installed(className.trim())) {
        continue;
      }
      out.put(key, ConnectSettings.JSON);
      out.put(key + ".schemas.enable", "true");
      warnings.add(key + "=" + className.trim() + " is not installed: Ferry reads with " + ConnectSettings.JSON
          + " (schemas.enable=true) instead and ignores " + key + ".schema.registry.url. Records a Ferry source wrote "
          + "with the same setting read back unchanged; to read Confluent Avro/Protobuf bytes, put Confluent's "
          + "converter on the plugin path");
    }
    return out;
  }

  private static boolean installed(String className) {
    try {
      PluginClasses.load(className);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
