package dev.ferry.connectors.connect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A connector's single message transforms exactly as Kafka Connect configures them:
 * {@code transforms=a,b}, {@code transforms.a.type=<class>} plus {@code transforms.a.*} settings,
 * {@code transforms.a.predicate=p} and {@code transforms.a.negate}, {@code predicates=p},
 * {@code predicates.p.type} plus {@code predicates.p.*}. Kafka's own classes (RegexRouter,
 * InsertField$Value, Filter, TopicNameMatches...) or any plugin's are instantiated; Ferry never
 * re-implements them. A transform returning null drops the record.
 *
 * <p>{@link #parse} checks the whole config once per plan (each class found, configured, its
 * settings accepted; each problem named by its full key); {@link #create} makes fresh instances
 * for one graph run, since transforms may keep state and are not shared between flows.
 *
 * @param steps the transforms in order, empty when the connector has none
 */
public record TransformChain(List<Step> steps) {

  /** One transform: its alias, class, settings, and the predicate that gates it (null: always). */
  public record Step(String alias, String className, Map<String, String> settings, Named predicate, boolean negate) {}

  /** A predicate: its alias, class and settings. */
  public record Named(String alias, String className, Map<String, String> settings) {}

  /** Instances for one graph run: apply them to records with {@link #apply}. */
  public static final class Running<R extends ConnectRecord<R>> implements AutoCloseable {
    private final List<Transformation<R>> transforms;
    private final List<Predicate<R>> predicates;
    private final boolean[] negate;

    private Running(List<Transformation<R>> transforms, List<Predicate<R>> predicates, boolean[] negate) {
      this.transforms = transforms;
      this.predicates = predicates;
      this.negate = negate;
    }

    /** The record after every transform whose predicate holds; null when one dropped it. */
    public R apply(R record) {
      R current = record;
      for (int i = 0; i < transforms.size() && current != null; i++) {
        Predicate<R> predicate = predicates.get(i);
        if (predicate == null || predicate.test(current) != negate[i]) {
          current = transforms.get(i).apply(current);
        }
      }
      return current;
    }

    /** Whether there are transforms at all. */
    public boolean isEmpty() {
      return transforms.isEmpty();
    }

    @Override
    public void close() {
      transforms.forEach(Transformation::close);
      predicates.stream().filter(p -> p != null).distinct().forEach(Predicate::close);
    }
  }

  /** Reads {@code transforms} and {@code predicates}; adds each problem found to {@code errors}. */
  public static TransformChain parse(Map<String, String> config, List<String> errors) {
    Map<String, Named> predicates = new LinkedHashMap<>();
    for (String alias : aliases(config.get("predicates"))) {
      String type = config.get("predicates." + alias + ".type");
      if (type == null || type.isBlank()) {
        errors.add("Missing required configuration \"predicates." + alias + ".type\" which has no default value.");
        continue;
      }
      predicates.put(alias, new Named(alias, type.trim(), prefixed(config, "predicates." + alias + ".", "type")));
    }
    List<Step> steps = new ArrayList<>();
    for (String alias : aliases(config.get("transforms"))) {
      String prefix = "transforms." + alias + ".";
      String type = config.get(prefix + "type");
      if (type == null || type.isBlank()) {
        errors.add("Missing required configuration \"" + prefix + "type\" which has no default value.");
        continue;
      }
      Named predicate = null;
      String predicateAlias = config.get(prefix + "predicate");
      if (predicateAlias != null && !predicateAlias.isBlank()) {
        predicate = predicates.get(predicateAlias.trim());
        if (predicate == null) {
          errors.add("Invalid value " + predicateAlias + " for configuration " + prefix
              + "predicate: the predicate is not listed in \"predicates\"");
          continue;
        }
      }
      boolean negate = Boolean.parseBoolean(config.getOrDefault(prefix + "negate", "false").trim());
      steps.add(new Step(alias, type.trim(), prefixed(config, prefix, "type", "predicate", "negate"), predicate, negate));
    }
    TransformChain chain = new TransformChain(List.copyOf(steps));
    try (Running<?> check = chain.create()) {
      // instantiated and configured once, so bad settings are found when the config is submitted
    } catch (InvalidTransform e) {
      errors.add(e.getMessage());
    }
    return chain;
  }

  /** No transforms. */
  public static TransformChain none() {
    return new TransformChain(List.of());
  }

  /** Whether there are transforms at all. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** Configured instances for one graph run. */
  @SuppressWarnings("unchecked")
  public <R extends ConnectRecord<R>> Running<R> create() {
    List<Transformation<R>> transforms = new ArrayList<>();
    List<Predicate<R>> predicates = new ArrayList<>();
    Map<String, Predicate<R>> byAlias = new HashMap<>();
    boolean[] negate = new boolean[steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      transforms.add((Transformation<R>) configured(step.className(), Transformation.class, step.settings(),
          "transforms." + step.alias()));
      if (step.predicate() != null) {
        Named p = step.predicate();
        predicates.add(byAlias.computeIfAbsent(p.alias(), a -> (Predicate<R>) configured(p.className(),
            Predicate.class, p.settings(), "predicates." + a)));
      } else {
        predicates.add(null);
      }
      negate[i] = step.negate();
    }
    return new Running<>(transforms, predicates, negate);
  }

  private static <T extends org.apache.kafka.common.Configurable> T configured(String className, Class<T> type,
                                                                                  Map<String, String> settings,
                                                                                  String keyPrefix) {
    T instance;
    try {
      instance = PluginClasses.instantiate(className, type);
    } catch (ClassNotFoundException e) {
      throw new InvalidTransform("Invalid value " + className + " for configuration " + keyPrefix
          + ".type: Class " + className + " could not be found.");
    } catch (ClassCastException | ReflectiveOperationException e) {
      throw new InvalidTransform("Invalid value " + className + " for configuration " + keyPrefix + ".type: " + e);
    }
    try {
      instance.configure(settings);
    } catch (ConfigException e) {
      throw new InvalidTransform("Invalid configuration of " + keyPrefix + " (" + className + "): " + e.getMessage());
    } catch (RuntimeException e) {
      throw new InvalidTransform("Invalid configuration of " + keyPrefix + " (" + className + "): " + e);
    }
    return instance;
  }

  private static List<String> aliases(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String alias : list.split(",")) {
      if (!alias.isBlank() && !out.contains(alias.trim())) {
        out.add(alias.trim());
      }
    }
    return out;
  }

  private static Map<String, String> prefixed(Map<String, String> config, String prefix, String... except) {
    Map<String, String> out = new HashMap<>();
    List<String> skip = List.of(except);
    config.forEach((k, v) -> {
      if (k.startsWith(prefix) && !skip.contains(k.substring(prefix.length()))) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return Map.copyOf(out);
  }

  /** A transform or predicate setting that cannot be used; its message names the key. */
  static final class InvalidTransform extends RuntimeException {
    InvalidTransform(String message) {
      super(message);
    }
  }
}
