package dev.ferry.engine.connector;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.ConnectorPlan;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node's parsed connector configs: one {@link ConnectorPlan} per connector and config revision,
 * shared by the API's validation, the connector entity and every flow of the connector on this
 * node, so a config is parsed once per revision and node, not once per flow and call.
 *
 * <p>Flows know only their connector's name and config revision (the config lives in the
 * connector's journal alone). A flow whose revision is not cached here asks its connector entity
 * for the config ({@link ConnectorEntity.GetConfig}); concurrent asks for the same connector share
 * one request. Only the newest revision per connector is kept.
 */
public final class PlanCache implements Extension {

  /** Extension id: {@code PlanCache.get(system)}. */
  public static final class Id extends ExtensionId<PlanCache> {
    @Override
    public PlanCache createExtension(ActorSystem<?> system) {
      return new PlanCache(system);
    }
  }

  private static final Id ID = new Id();

  /** A parsed config, and the secrets its failure traces must not show. */
  private record Cached(Map<String, String> config, ConnectorPlan plan, Set<String> secrets) {}

  /** A config known to be a connector's revision. */
  private record Revision(int revision, CompletableFuture<ConnectorPlan> plan) {}

  private final ActorSystem<?> system;
  private final ConnectorContext context;
  private final Duration askTimeout;
  private final Map<String, Cached> parsed = new ConcurrentHashMap<>();
  private final Map<String, Revision> revisions = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<ConnectorPlan>> fetching = new ConcurrentHashMap<>();
  private final ConfigProviders providers;

  private PlanCache(ActorSystem<?> system) {
    this.system = system;
    EngineSettings settings = EngineSettings.create(system.settings().config());
    this.context = new ConnectorContext(settings, system.settings().config());
    this.askTimeout = settings.askTimeout();
    this.providers = ConfigProviders.of(system.settings().config());
  }

  /** The node's cache. */
  public static PlanCache get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** What connector types see while they plan. */
  public ConnectorContext context() {
    return context;
  }

  /**
   * The plan of a config, parsed now unless the connector's last parsed config is the same. Config
   * provider variables ({@code ${file:..}}, {@code ${env:..}}) are resolved first, here, on this
   * node: the plan sees the values, the journal only ever the placeholders.
   *
   * @throws dev.ferry.engine.spi.ConnectorConfigException naming every problem of the config
   */
  public ConnectorPlan plan(String connector, Map<String, String> config) {
    Cached cached = parsed.get(connector);
    if (cached != null && cached.config().equals(config)) {
      return cached.plan();
    }
    Map<String, String> resolved = providers.resolve(config);
    Set<String> secrets = Secrets.of(resolved, ConfigProviders.resolvedValues(config, resolved));
    ConnectorPlan plan;
    try {
      plan = ConnectorTypes.plan(connector, resolved, context);
    } catch (dev.ferry.engine.spi.ConnectorConfigException invalid) {
      // "Invalid value <v> for configuration <k>": never with a secret's value in it.
      throw new dev.ferry.engine.spi.ConnectorConfigException(
          invalid.errors().stream().map(e -> Secrets.redact(e, secrets)).toList());
    }
    parsed.put(connector, new Cached(Map.copyOf(config), plan, secrets));
    return plan;
  }

  /** {@code text} (a failure trace) without the secrets of the connector's last parsed config. */
  public String redact(String connector, String text) {
    Cached cached = parsed.get(connector);
    return cached == null ? text : Secrets.redact(text, cached.secrets());
  }

  /**
   * Records that {@code config} is the connector's revision {@code revision}: called by its entity
   * after every change and recovery, so flows on the entity's node never need to ask.
   */
  public void revision(String connector, int revision, Map<String, String> config) {
    Revision known = revisions.get(connector);
    if (known != null && known.revision() > revision) {
      return;
    }
    CompletableFuture<ConnectorPlan> plan = new CompletableFuture<>();
    try {
      plan.complete(plan(connector, config));
    } catch (RuntimeException invalid) {
      plan.completeExceptionally(invalid);
    }
    revisions.merge(connector, new Revision(revision, plan),
        (old, fresh) -> old.revision() > fresh.revision() ? old : fresh);
  }

  /**
   * The plan of a connector's config revision, for a flow: cached, or asked of the connector
   * (which answers with its current config, and reassigns the flow when its revision is older).
   * Revision 0 means "whatever the connector has now" (flows written before revisions existed).
   */
  public CompletionStage<ConnectorPlan> plan(String connector, int revision) {
    Revision known = revisions.get(connector);
    if (known != null && known.revision() >= revision) {
      return known.plan(); // also a config this node cannot plan: the flow shows why
    }
    // Flows of one connector starting together on this node share one ask.
    CompletableFuture<ConnectorPlan> fetched = new CompletableFuture<>();
    CompletableFuture<ConnectorPlan> pending = fetching.putIfAbsent(connector, fetched);
    if (pending != null) {
      return pending;
    }
    fetch(connector, revision, fetched);
    return fetched;
  }

  private void fetch(String connector, int revision, CompletableFuture<ConnectorPlan> fetched) {
    ConnectorEntity.ref(system, connector)
        .<ConnectorEntity.ConfigReply>ask(replyTo -> new ConnectorEntity.GetConfig(revision, replyTo), askTimeout)
        .whenComplete((reply, error) -> {
          try {
            if (error != null) {
              fetched.completeExceptionally(error);
            } else if (reply.config() == null) {
              fetched.completeExceptionally(new IllegalStateException("Connector " + connector + " does not exist"));
            } else {
              revision(connector, reply.revision(), reply.config());
              revisions.get(connector).plan().whenComplete((plan, invalid) -> {
                if (invalid != null) {
                  fetched.completeExceptionally(invalid);
                } else {
                  fetched.complete(plan);
                }
              });
            }
          } finally {
            fetching.remove(connector, fetched);
          }
        });
  }

  /** Forgets a deleted connector. */
  void forget(String connector) {
    parsed.remove(connector);
    revisions.remove(connector);
  }
}
