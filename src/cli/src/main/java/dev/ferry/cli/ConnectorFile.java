package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads a connector definition in any of the three formats people keep them in:
 * <ul>
 *   <li>Kafka Connect's create request, {@code {"name":"x","config":{...},"initial_state"?:"PAUSED"}};</li>
 *   <li>a flat JSON config map with {@code "name"} inside (what {@code GET /connectors/x/config} answers);</li>
 *   <li>a {@code .properties} file, as Connect's standalone mode takes.</li>
 * </ul>
 * A {@code .properties} or {@code .json} extension decides the format; otherwise a file whose first
 * character is <code>{</code> is JSON. JSON numbers and booleans become their text.
 */
public final class ConnectorFile {

  private ConnectorFile() {}

  /** Reads and parses {@code file}; a {@link UsageException} says what is wrong with it. */
  public static ConnectorDefinition read(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new UsageException("cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a definition.
   *
   * @param fileName the file's name, for its extension and for messages
   * @param content  the file's text
   */
  public static ConnectorDefinition parse(String fileName, String content) {
    return isJson(fileName, content) ? parseJson(fileName, content) : parseProperties(fileName, content);
  }

  private static boolean isJson(String fileName, String content) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".properties")) {
      return false;
    }
    return lower.endsWith(".json") || content.strip().startsWith("{");
  }

  private static ConnectorDefinition parseJson(String fileName, String content) {
    JsonNode root;
    try {
      root = Json.parse(content);
    } catch (JsonProcessingException e) {
      throw new UsageException(fileName + " is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new UsageException(fileName + " must be a JSON object: Kafka Connect's {\"name\":...,\"config\":{...}}"
          + " or a flat config map with \"name\" inside");
    }
    JsonNode nested = root.get("config");
    if (nested != null && nested.isObject()) {
      Map<String, String> config = configOf(fileName, nested);
      String name = root.hasNonNull("name") ? text(fileName, "name", root.get("name")) : config.get("name");
      String initialState = root.hasNonNull("initial_state")
          ? text(fileName, "initial_state", root.get("initial_state")) : null;
      return new ConnectorDefinition(trimmed(name), config, initialState);
    }
    Map<String, String> config = configOf(fileName, root);
    return new ConnectorDefinition(trimmed(config.get("name")), config, null);
  }

  private static ConnectorDefinition parseProperties(String fileName, String content) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(content));
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException(fileName + " is not a valid .properties file: " + e.getMessage(), e);
    }
    Map<String, String> config = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key)));
    return new ConnectorDefinition(trimmed(config.get("name")), config, null);
  }

  private static Map<String, String> configOf(String fileName, JsonNode object) {
    Map<String, String> config = new LinkedHashMap<>();
    object.properties().forEach(field -> config.put(field.getKey(), text(fileName, field.getKey(), field.getValue())));
    return config;
  }

  private static String text(String fileName, String key, JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    throw new UsageException(fileName + ": \"" + key + "\" must be a string, number or boolean, but is "
        + value.getNodeType().name().toLowerCase(Locale.ROOT));
  }

  private static String trimmed(String name) {
    return name == null || name.isBlank() ? null : name.strip();
  }
}
