package dev.ferry.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads a node's configuration, highest precedence first: programmatic overrides, JVM system
 * properties, the operator's file ({@code --config FILE} or {@code FERRY_CONFIG}), the persistence
 * profile ({@code ferry.persistence-profile} in those layers, else {@code FERRY_PERSISTENCE=h2|postgres}),
 * {@code hocon/ferry.conf}, then every
 * {@code reference.conf}. Environment variables named in the HOCON files ({@code ${?FERRY_...}})
 * fill their keys. The data directory is made absolute so H2 and the local brokers agree on it.
 */
public final class NodeConfig {

  private NodeConfig() {}

  /** The resolved configuration. */
  public static Config load(Path file, Map<String, ?> overrides) {
    Config layers = layers(file, overrides);
    Path dataDir = Path.of(layers.resolve().getString("ferry.node.data-dir")).toAbsolutePath().normalize();
    Map<String, Object> absolute = new HashMap<>(overrides);
    absolute.put("ferry.node.data-dir", dataDir.toString());
    return layers(file, absolute).resolve();
  }

  private static Config layers(Path file, Map<String, ?> overrides) {
    Config config = ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.systemProperties());
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("Configuration file " + file + " does not exist");
      }
      config = config.withFallback(ConfigFactory.parseFile(file.toFile()));
    }
    // The profile: ferry.persistence-profile (overrides, system property or the operator's file), else FERRY_PERSISTENCE.
    String profile = config.hasPath("ferry.persistence-profile") ? config.getString("ferry.persistence-profile")
        : System.getenv().getOrDefault("FERRY_PERSISTENCE", "h2");
    if (!profile.equals("h2") && !profile.equals("postgres")) {
      throw new IllegalArgumentException("ferry.persistence-profile / FERRY_PERSISTENCE must be h2 or postgres, was " + profile);
    }
    if (profile.equals("postgres")) {
      config = config.withFallback(ConfigFactory.parseResources("persistence-postgres.conf"));
    }
    return config.withFallback(ConfigFactory.parseResources("ferry.conf"))
        .withFallback(ConfigFactory.defaultReference());
  }
}
