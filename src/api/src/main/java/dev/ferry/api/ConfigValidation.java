package dev.ferry.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import dev.ferry.engine.spi.ConfigKeyDefinition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka Connect's ConfigInfos (the answer of {@code PUT /connector-plugins/{plugin}/config/validate})
 * built from a submitted config and the engine's list of problems.
 *
 * <p>Connector types report problems as sentences, not per key, so each sentence is filed under the
 * key it names: {@code ... configuration <key> ...} (Kafka's "Invalid value X for configuration K"
 * and "Missing required configuration "K""), else the first quoted {@code "<key>"}. A problem that
 * names no key is filed under {@code connector.class}, the key that chose the type that raised it.
 * Keys the connector type describes ({@link ConfigKeyDefinition}) are shown with their type, default,
 * documentation and group; {@code name}, {@code connector.class} and keys the type does not describe
 * are shown as STRINGs in group "Common".
 */
final class ConfigValidation {

  /** Where a problem that names no key is filed. */
  static final String FALLBACK_KEY = "connector.class";
  private static final String GROUP = "Common";
  private static final String KEY = "([A-Za-z0-9_\\-]+(?:\\.[A-Za-z0-9_\\-]+)*)";
  private static final List<Pattern> KEY_PATTERNS = List.of(
      Pattern.compile("for configuration \"?" + KEY),
      Pattern.compile("required configuration \"?" + KEY),
      Pattern.compile("configuration \"?" + KEY),
      Pattern.compile("\"" + KEY + "\""));
  private static final Pattern MISSING_REQUIRED = Pattern.compile("^Missing required configuration");

  private ConfigValidation() {}

  /**
   * Kafka Connect's ConfigKeyInfo list for {@code GET /connector-plugins/{plugin}/config}:
   * {@code [{"name","type","required","default_value","importance","documentation","group","order",
   * "width","display_name","dependents"}]}.
   */
  static ArrayNode keyInfos(List<ConfigKeyDefinition> definitions) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    definitions.forEach(d -> out.add(keyInfo(d, d.required())));
    return out;
  }

  private static ObjectNode keyInfo(ConfigKeyDefinition d, boolean required) {
    ObjectNode definition = Json.MAPPER.createObjectNode();
    definition.put("name", d.name());
    definition.put("type", d.type());
    definition.put("required", required);
    definition.put("default_value", d.defaultValue());
    definition.put("importance", d.importance());
    definition.put("documentation", d.documentation());
    definition.put("group", d.group());
    definition.put("order", d.orderInGroup());
    definition.put("width", "NONE");
    definition.put("display_name", d.name());
    definition.putArray("dependents");
    return definition;
  }

  /** The key a problem is about. */
  static String keyOf(String error) {
    for (Pattern pattern : KEY_PATTERNS) {
      Matcher matcher = pattern.matcher(error);
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    return FALLBACK_KEY;
  }

  /**
   * ConfigInfos: {@code {"name","error_count","groups","configs":[{"definition":{...},"value":{...}}]}}.
   *
   * @param pluginClass the connector type's class name
   * @param config      the submitted config
   * @param errors      every problem found (empty when the config is valid)
   */
  static ObjectNode configInfos(String pluginClass, Map<String, String> config, List<String> errors) {
    return configInfos(pluginClass, config, errors, List.of());
  }

  /**
   * ConfigInfos listing {@code name}, {@code connector.class}, then every key the type describes,
   * then the other submitted keys.
   *
   * @param definitions the keys the connector type describes, in display order
   */
  static ObjectNode configInfos(String pluginClass, Map<String, String> config, List<String> errors,
                                List<ConfigKeyDefinition> definitions) {
    Map<String, ConfigKeyDefinition> described = new LinkedHashMap<>();
    definitions.forEach(d -> described.put(d.name(), d));
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    byKey.put("name", new ArrayList<>());
    byKey.put("connector.class", new ArrayList<>());
    described.keySet().forEach(key -> byKey.putIfAbsent(key, new ArrayList<>()));
    new TreeSet<>(config.keySet()).forEach(key -> byKey.putIfAbsent(key, new ArrayList<>()));
    List<String> required = new ArrayList<>(List.of("name", "connector.class"));
    described.values().stream().filter(ConfigKeyDefinition::required).forEach(d -> required.add(d.name()));
    for (String error : errors) {
      String key = keyOf(error);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(error);
      if (MISSING_REQUIRED.matcher(error).find()) {
        required.add(key);
      }
    }

    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("name", pluginClass);
    out.put("error_count", errors.size());
    ArrayNode groups = out.putArray("groups");
    new LinkedHashSet<>(java.util.stream.Stream.concat(java.util.stream.Stream.of(GROUP),
        described.values().stream().map(ConfigKeyDefinition::group)).toList()).forEach(groups::add);
    ArrayNode configs = out.putArray("configs");
    int order = 0;
    for (Map.Entry<String, List<String>> entry : byKey.entrySet()) {
      String key = entry.getKey();
      ObjectNode item = configs.addObject();
      ConfigKeyDefinition definition = described.get(key);
      if (definition == null) {
        boolean isRequired = required.contains(key);
        definition = new ConfigKeyDefinition(key, "STRING", isRequired, null, isRequired ? "HIGH" : "MEDIUM", "",
            GROUP, ++order);
      }
      item.set("definition", keyInfo(definition, required.contains(key)));
      ObjectNode value = item.putObject("value");
      value.put("name", key);
      value.put("value", config.get(key));
      value.putArray("recommended_values");
      ArrayNode keyErrors = value.putArray("errors");
      entry.getValue().forEach(keyErrors::add);
      value.put("visible", true);
    }
    return out;
  }
}
