package dev.ferry.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Every key is shown as a STRING in group "Common": the engine has no typed definitions to offer.
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
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    byKey.put("name", new ArrayList<>());
    byKey.put("connector.class", new ArrayList<>());
    new TreeSet<>(config.keySet()).forEach(key -> byKey.putIfAbsent(key, new ArrayList<>()));
    List<String> required = new ArrayList<>(List.of("name", "connector.class"));
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
    out.putArray("groups").add(GROUP);
    ArrayNode configs = out.putArray("configs");
    int order = 0;
    for (Map.Entry<String, List<String>> entry : byKey.entrySet()) {
      String key = entry.getKey();
      ObjectNode item = configs.addObject();
      ObjectNode definition = item.putObject("definition");
      definition.put("name", key);
      definition.put("type", "STRING");
      definition.put("required", required.contains(key));
      definition.putNull("default_value");
      definition.put("importance", required.contains(key) ? "HIGH" : "MEDIUM");
      definition.put("documentation", "");
      definition.put("group", GROUP);
      definition.put("order", ++order);
      definition.put("width", "NONE");
      definition.put("display_name", key);
      definition.putArray("dependents");
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
