package dev.ferry.connectors.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of a connector config in Kafka's {@code ConfigDef} wording: every bad value adds one
 * message naming its key to the shared error list (so one answer lists every problem) and the
 * default is returned instead, so parsing can go on.
 */
final class ConfigReader {

  private final Map<String, String> config;
  private final List<String> errors;

  ConfigReader(Map<String, String> config, List<String> errors) {
    this.config = config;
    this.errors = errors;
  }

  /** The trimmed value, or {@code fallback} when absent or blank. */
  String string(String key, String fallback) {
    String value = config.get(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** Whether the key is set to a non-blank value. */
  boolean has(String key) {
    String value = config.get(key);
    return value != null && !value.isBlank();
  }

  /** Whether the key is present with an empty value (Kafka's way to switch a check off). */
  boolean isSetBlank(String key) {
    String value = config.get(key);
    return value != null && value.isBlank();
  }

  /** A comma-separated list, entries trimmed, empty entries dropped. */
  List<String> list(String key) {
    String value = config.get(key);
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  boolean bool(String key, boolean fallback) {
    String value = string(key, null);
    if (value == null) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
    }
    errors.add("Invalid value " + value + " for configuration " + key + ": Expected value to be either true or false");
    return fallback;
  }

  int integer(String key, int fallback, int min) {
    long value = number(key, fallback, min);
    if (value > Integer.MAX_VALUE) {
      errors.add("Invalid value " + value + " for configuration " + key + ": Not a number of type INT");
      return fallback;
    }
    return (int) value;
  }

  long number(String key, long fallback, long min) {
    String value = string(key, null);
    if (value == null) {
      return fallback;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      errors.add("Invalid value " + value + " for configuration " + key + ": Not a number of type LONG");
      return fallback;
    }
    if (parsed < min) {
      errors.add("Invalid value " + parsed + " for configuration " + key + ": Value must be at least " + min);
      return fallback;
    }
    return parsed;
  }

  /** One of {@code type}'s constants, named case-insensitively as Confluent's validators accept them. */
  <E extends Enum<E>> E choice(String key, E fallback, Class<E> type) {
    String value = string(key, null);
    if (value == null) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    errors.add("Invalid value " + value + " for configuration " + key + ": String must be one of: "
        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
    return fallback;
  }
}
