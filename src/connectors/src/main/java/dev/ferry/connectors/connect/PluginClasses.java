package dev.ferry.connectors.connect;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where converter, transform, predicate and connector classes named in configs are loaded from:
 * Ferry's own class path first, then each plugin class loader registered by the plugin host (one
 * per {@code plugin.path} entry, as Kafka Connect isolates plugins). One instance per JVM.
 */
public final class PluginClasses {

  private static final List<ClassLoader> PLUGIN_LOADERS = new CopyOnWriteArrayList<>();

  private PluginClasses() {}

  /** Adds a plugin's class loader (the plugin host does, for every plugin it finds). */
  public static void register(ClassLoader loader) {
    if (!PLUGIN_LOADERS.contains(loader)) {
      PLUGIN_LOADERS.add(loader);
    }
  }

  /** Where Kafka's own converters, transforms and predicates live, for names given without a package. */
  private static final List<String> KAFKA_PACKAGES = List.of("org.apache.kafka.connect.transforms.",
      "org.apache.kafka.connect.transforms.predicates.", "org.apache.kafka.connect.converters.",
      "org.apache.kafka.connect.storage.", "org.apache.kafka.connect.json.");

  /**
   * The class of that name, from Ferry's class path or a plugin. A name without a package
   * ({@code RegexRouter}, {@code InsertField$Value}, {@code StringConverter}) is looked up among
   * Kafka's own Connect classes, as Connect accepts such aliases.
   */
  public static Class<?> load(String className) throws ClassNotFoundException {
    if (!className.contains(".")) {
      for (String pkg : KAFKA_PACKAGES) {
        try {
          return Class.forName(pkg + className, true, PluginClasses.class.getClassLoader());
        } catch (ClassNotFoundException notThere) {
          // try the next package
        }
      }
    }
    try {
      return Class.forName(className, true, PluginClasses.class.getClassLoader());
    } catch (ClassNotFoundException notOurs) {
      for (ClassLoader loader : PLUGIN_LOADERS) {
        try {
          return Class.forName(className, true, loader);
        } catch (ClassNotFoundException notThisPlugin) {
          // try the next plugin
        }
      }
      throw notOurs;
    }
  }

  /** A new instance of {@code className}, which must be a {@code type}. */
  public static <T> T instantiate(String className, Class<T> type) throws ReflectiveOperationException {
    Class<?> loaded = load(className.trim());
    if (!type.isAssignableFrom(loaded)) {
      throw new ClassCastException(className + " is not a " + type.getName());
    }
    return type.cast(loaded.getDeclaredConstructor().newInstance());
  }
}
