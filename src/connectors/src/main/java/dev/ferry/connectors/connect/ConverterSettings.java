package dev.ferry.connectors.connect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * A connector's converters as Kafka Connect configures them: {@code key.converter},
 * {@code value.converter}, {@code header.converter} (class names, simple names of Kafka's own
 * converters accepted) with their {@code <key>.}-prefixed settings, e.g.
 * {@code value.converter.schemas.enable=false}; worker defaults under the connector's keys.
 * Parsed and checked once per plan; {@link #create()} makes fresh, configured instances for each
 * graph run (converters keep caches and are not shared between flows).
 *
 * @param key          key converter class and settings
 * @param value        value converter class and settings
 * @param header       header converter class and settings
 */
public record ConverterSettings(Named key, Named value, Named header) {

  /** A class name and the settings it is configured with. */
  public record Named(String className, Map<String, String> settings) {}

  /** The converters a graph run uses. */
  public record Converters(Converter key, Converter value, HeaderConverter header) {}

  static final String KEY = "key.converter";
  static final String VALUE = "value.converter";
  static final String HEADER = "header.converter";

  /** Kafka's own converters by their short names, as users write them. */
  private static final Map<String, String> KNOWN = Map.of(
      "ByteArrayConverter", "org.apache.kafka.connect.converters.ByteArrayConverter",
      "StringConverter", "org.apache.kafka.connect.storage.StringConverter",
      "JsonConverter", "org.apache.kafka.connect.json.JsonConverter",
      "SimpleHeaderConverter", "org.apache.kafka.connect.storage.SimpleHeaderConverter",
      "LongConverter", "org.apache.kafka.connect.converters.LongConverter",
      "IntegerConverter", "org.apache.kafka.connect.converters.IntegerConverter",
      "DoubleConverter", "org.apache.kafka.connect.converters.DoubleConverter");

  /**
   * Reads a config whose converter keys start with {@code prefix} ("" for Connect's keys,
   * {@code src.} for the replicator's source converters), defaulting each to {@code fallback}.
   * Problems (unknown class, a class that is not a converter, settings it rejects) are added to
   * {@code errors}, each naming its key.
   */
  public static ConverterSettings parse(Map<String, String> config, String prefix, String fallbackKey,
                                        String fallbackValue, List<String> errors) {
    Named key = named(config, prefix + KEY, fallbackKey);
    Named value = named(config, prefix + VALUE, fallbackValue);
    Named header = named(config, prefix + HEADER, KNOWN.get("SimpleHeaderConverter"));
    ConverterSettings settings = new ConverterSettings(key, value, header);
    try {
      settings.create();
    } catch (InvalidConverter e) {
      errors.add(e.getMessage());
    }
    return settings;
  }

  /** Configured converter instances for one graph run. */
  public Converters create() {
    return new Converters(converter(key, true), converter(value, false), headerConverter(header));
  }

  /** Whether both key and value are copied as bytes (no conversion at all). */
  public boolean bytesOnly() {
    return key.className().endsWith(".ByteArrayConverter") && value.className().endsWith(".ByteArrayConverter");
  }

  private static Named named(Map<String, String> config, String key, String fallback) {
    String className = config.getOrDefault(key, fallback).trim();
    className = KNOWN.getOrDefault(className, className);
    Map<String, String> settings = new HashMap<>();
    String settingsPrefix = key + ".";
    config.forEach((k, v) -> {
      if (k.startsWith(settingsPrefix)) {
        settings.put(k.substring(settingsPrefix.length()), v);
      }
    });
    return new Named(className, Map.copyOf(settings));
  }

  private static Converter converter(Named named, boolean isKey) {
    String key = isKey ? KEY : VALUE;
    Converter converter = instance(named, key, Converter.class);
    try {
      converter.configure(named.settings(), isKey);
    } catch (RuntimeException e) {
      throw new InvalidConverter("Invalid value " + named.className() + " for configuration " + key + ": "
          + e.getMessage());
    }
    return converter;
  }

  private static HeaderConverter headerConverter(Named named) {
    HeaderConverter converter = instance(named, HEADER, HeaderConverter.class);
    try {
      converter.configure(named.settings());
    } catch (RuntimeException e) {
      throw new InvalidConverter("Invalid value " + named.className() + " for configuration " + HEADER + ": "
          + e.getMessage());
    }
    return converter;
  }

  private static <T> T instance(Named named, String key, Class<T> type) {
    try {
      return PluginClasses.instantiate(named.className(), type);
    } catch (ClassNotFoundException e) {
      throw new InvalidConverter("Invalid value " + named.className() + " for configuration " + key
          + ": Class " + named.className() + " could not be found.");
    } catch (ClassCastException e) {
      throw new InvalidConverter("Invalid value " + named.className() + " for configuration " + key + ": "
          + e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new InvalidConverter("Invalid value " + named.className() + " for configuration " + key
          + ": cannot be instantiated (" + e + ")");
    }
  }

  /** A converter setting that cannot be used; its message names the key. */
  static final class InvalidConverter extends RuntimeException {
    InvalidConverter(String message) {
      super(message);
    }
  }
}
