package dev.ferry.engine.connector;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.ConfigException;

/**
 * Kafka Connect's config providers on a node: {@code config.providers=file,env,directory} with
 * {@code config.providers.<name>.class} and {@code .param.*} among the worker properties
 * ({@code ferry.connect.worker}), so {@code ${file:/path:key}}, {@code ${env:VAR}} and
 * {@code ${directory:/path:file}} in a connector config are resolved by kafka-clients' own
 * providers ({@link ConfigTransformer}) on the node that plans the connector — when its config is
 * validated and wherever its flows run. The journal keeps the placeholders, never the values.
 */
final class ConfigProviders implements AutoCloseable {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*?):(([^}]*?):)?([^}]*?)\\}");

  private final Map<String, ConfigProvider> providers;
  private final ConfigTransformer transformer;

  private ConfigProviders(Map<String, ConfigProvider> providers) {
    this.providers = providers;
    this.transformer = new ConfigTransformer(providers);
  }

  /** The providers the node's worker properties name; a bad one stops the node naming its key. */
  static ConfigProviders of(Config nodeConfig) {
    Map<String, String> worker = new HashMap<>();
    if (nodeConfig.hasPath("ferry.connect.worker")) {
      for (Map.Entry<String, ConfigValue> e : nodeConfig.getConfig("ferry.connect.worker").entrySet()) {
        worker.put(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped()));
      }
    }
    Map<String, ConfigProvider> providers = new HashMap<>();
    String names = worker.getOrDefault("config.providers", "");
    for (String name : names.split(",")) {
      String provider = name.trim();
      if (provider.isEmpty()) {
        continue;
      }
      String classKey = "config.providers." + provider + ".class";
      String className = worker.get(classKey);
      if (className == null || className.isBlank()) {
        throw new IllegalArgumentException("ferry.connect.worker: config.providers names " + provider
            + " but " + classKey + " is not set");
      }
      try {
        ConfigProvider instance = (ConfigProvider) Class.forName(className.trim()).getDeclaredConstructor()
            .newInstance();
        Map<String, String> params = new HashMap<>();
        String paramPrefix = "config.providers." + provider + ".param.";
        worker.forEach((k, v) -> {
          if (k.startsWith(paramPrefix)) {
            params.put(k.substring(paramPrefix.length()), v);
          }
        });
        instance.configure(params);
        providers.put(provider, instance);
      } catch (ReflectiveOperationException | ClassCastException | ConfigException e) {
        throw new IllegalArgumentException("ferry.connect.worker: " + classKey + "=" + className
            + " is not a usable ConfigProvider: " + e, e);
      }
    }
    return new ConfigProviders(providers);
  }

  /**
   * The config with every provider variable replaced by its value. A variable naming an unknown
   * provider, or a key a provider does not have, is refused naming the connector's key.
   *
   * @throws dev.ferry.engine.spi.ConnectorConfigException listing every unresolvable variable
   */
  Map<String, String> resolve(Map<String, String> config) {
    List<String> errors = new ArrayList<>();
    config.forEach((key, value) -> {
      if (value == null) {
        return;
      }
      Matcher m = VARIABLE.matcher(value);
      while (m.find()) {
        if (!providers.containsKey(m.group(1))) {
          errors.add("Invalid value " + value + " for configuration " + key + ": no config provider named \""
              + m.group(1) + "\" (configured: " + providers.keySet() + ", see config.providers)");
        }
      }
    });
    if (!errors.isEmpty()) {
      throw new dev.ferry.engine.spi.ConnectorConfigException(errors);
    }
    if (providers.isEmpty()) {
      return config;
    }
    try {
      Map<String, String> resolved = transformer.transform(config).data();
      for (Map.Entry<String, String> e : config.entrySet()) {
        String after = resolved.get(e.getKey());
        if (e.getValue() != null && VARIABLE.matcher(e.getValue()).find() && after != null
            && VARIABLE.matcher(after).find()) {
          errors.add("Invalid value for configuration " + e.getKey() + ": its config provider has no value for "
              + e.getValue());
        }
      }
      if (!errors.isEmpty()) {
        throw new dev.ferry.engine.spi.ConnectorConfigException(errors);
      }
      return resolved;
    } catch (ConfigException e) {
      throw new dev.ferry.engine.spi.ConnectorConfigException(List.of(e.getMessage()));
    }
  }

  /** The values variables in {@code raw} resolved to in {@code resolved}: secrets to keep out of traces. */
  static Set<String> resolvedValues(Map<String, String> raw, Map<String, String> resolved) {
    Set<String> out = new LinkedHashSet<>();
    raw.forEach((key, value) -> {
      if (value != null && VARIABLE.matcher(value).find() && resolved.get(key) != null
          && !resolved.get(key).equals(value)) {
        out.add(resolved.get(key));
      }
    });
    return out;
  }

  @Override
  public void close() {
    providers.values().forEach(p -> {
      try {
        p.close();
      } catch (Exception ignored) {
        // closing at shutdown only
      }
    });
  }
}
