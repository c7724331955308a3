package dev.ferry.engine.connector;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.flow.FlowEntity;
import dev.ferry.engine.flow.FlowId;
import dev.ferry.engine.flow.FlowStatus;
import dev.ferry.engine.persistence.JournalHealth;
import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.FlowRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * What operators can do with connectors, as asynchronous Java calls: the one entry point of the
 * REST API (and so the CLI) into the engine. Requests go through cluster sharding, so any node
 * serves any connector. Refusals complete exceptionally with a {@link ConnectorException}.
 *
 * <p>While the node's journal cannot be written ({@link JournalHealth}) changes are refused at
 * once as UNAVAILABLE with the reason, and connector asks wait only briefly (entities cannot
 * recover meanwhile); in status a flow that does not answer shows FAILED with the journal's
 * problem (also for a while after, as failed flows restart), a running connector FAILED with it.
 */
public final class ConnectorService {

  /** How long a connector ask waits while the journal cannot be written. */
  private static final Duration JOURNAL_DOWN_ASK_TIMEOUT = Duration.ofSeconds(2);

  private final ActorSystem<?> system;
  private final EngineSettings settings;
  private final Duration timeout;
  private final OffsetCommands offsets;
  private final PlanCache plans;
  private final JournalHealth journal;

  /** A service over the connectors of the cluster this node belongs to. */
  public ConnectorService(ActorSystem<?> system, EngineSettings settings) {
    this.system = system;
    this.settings = settings;
    this.timeout = settings.askTimeout();
    this.offsets = new OffsetCommands(system, timeout);
    this.plans = PlanCache.get(system);
    this.journal = JournalHealth.get(system);
  }

  /** The engine settings (default target cluster etc.) the service validates against. */
  public EngineSettings settings() {
    return settings;
  }

  /** Every connector name, sorted. */
  public CompletionStage<List<String>> list() {
    return ConnectorRegistry.ref(system).ask(ConnectorRegistry.ListNames::new, askTimeout())
        .thenApply(ConnectorRegistry.Names::names);
  }

  /** Creates a connector (POST /connectors). */
  public CompletionStage<ConnectorSnapshot> create(String name, Map<String, String> config, TargetState initial) {
    Map<String, String> full = validated(name, config);
    requireWritableJournal();
    return ask(name, r -> new ConnectorEntity.Create(full, initial, r))
        .thenCompose(this::registered)
        .thenApply(ConnectorEntity.Reply.Accepted::snapshot);
  }

  /** Creates or reconfigures a connector (PUT /connectors/{name}/config). */
  public CompletionStage<ConnectorEntity.Reply.Accepted> putConfig(String name, Map<String, String> config) {
    Map<String, String> full = validated(name, config);
    requireWritableJournal();
    return ask(name, r -> new ConnectorEntity.PutConfig(full, r)).thenCompose(this::registered);
  }

  /**
   * Merges {@code patch} into a connector's config (PATCH /connectors/{name}/config): a null value
   * removes its key. 404 for an unknown connector, 409 if it was reconfigured concurrently.
   */
  public CompletionStage<ConnectorSnapshot> patchConfig(String name, Map<String, String> patch) {
    requireWritableJournal();
    return get(name).thenCompose(current -> {
      Map<String, String> merged = new HashMap<>(current.config());
      patch.forEach((key, value) -> {
        if (value == null) {
          merged.remove(key);
        } else {
          merged.put(key, value);
        }
      });
      Map<String, String> full = validated(name, merged);
      return ask(name, r -> new ConnectorEntity.ReplaceConfig(current.config(), full, r));
    }).thenApply(ConnectorEntity.Reply.Accepted::snapshot);
  }

  /** The connector's snapshot. */
  public CompletionStage<ConnectorSnapshot> get(String name) {
    return ask(name, ConnectorEntity.Get::new).thenApply(ConnectorEntity.Reply.Accepted::snapshot);
  }

  /** Pauses, resumes or stops a connector. */
  public CompletionStage<ConnectorSnapshot> changeTarget(String name, TargetState target) {
    requireWritableJournal();
    return ask(name, r -> new ConnectorEntity.ChangeTarget(target, r))
        .thenApply(ConnectorEntity.Reply.Accepted::snapshot);
  }

  /** Restarts a connector (and, with includeTasks, its flows). */
  public CompletionStage<ConnectorSnapshot> restart(String name, boolean includeTasks, boolean onlyFailed) {
    return ask(name, r -> new ConnectorEntity.Restart(includeTasks, onlyFailed, r))
        .thenApply(ConnectorEntity.Reply.Accepted::snapshot);
  }

  /**
   * Restarts one flow (POST /connectors/{name}/tasks/{task}/restart) from its persisted offset;
   * 404 when the connector has no such task (a STOPPED connector has none).
   */
  public CompletionStage<Done> restartTask(String name, int taskId) {
    return get(name).thenCompose(snapshot -> {
      FlowRef flow = snapshot.target() == TargetState.STOPPED ? null : snapshot.flows().stream()
          .filter(f -> f.taskId() == taskId).findFirst().orElse(null);
      if (flow == null) {
        throw new ConnectorException(ConnectorException.Kind.NOT_FOUND, "Unknown task: " + name + "-" + taskId);
      }
      return FlowEntity.ref(system, new FlowId(name, flow.key())).<Done>ask(r -> new FlowEntity.Restart(false, r),
          timeout);
    });
  }

  /** Each flow's persisted position (GET /connectors/{name}/offsets) in its type's shape, in any state. */
  public CompletionStage<ConnectorOffsets> offsets(String name) {
    return get(name).thenCompose(snapshot -> offsets.read(snapshot, plan(snapshot)));
  }

  /** Moves flows' positions (PATCH /connectors/{name}/offsets); only while the connector is STOPPED. */
  public CompletionStage<Done> alterOffsets(String name, ConnectorOffsets changes) {
    requireWritableJournal();
    return get(name).thenCompose(snapshot -> offsets.move(snapshot, plan(snapshot), changes));
  }

  /** Resets every flow to where a new flow starts (DELETE /connectors/{name}/offsets); only while STOPPED. */
  public CompletionStage<Done> resetOffsets(String name) {
    requireWritableJournal();
    return get(name).thenCompose(offsets::reset);
  }

  /** Forgets the topics a connector used (PUT /connectors/{name}/topics/reset). */
  public CompletionStage<ConnectorSnapshot> resetTopics(String name) {
    requireWritableJournal();
    return ask(name, ConnectorEntity.ResetTopics::new).thenApply(ConnectorEntity.Reply.Accepted::snapshot);
  }

  /** Deletes a connector and its flows' offsets. */
  public CompletionStage<ConnectorSnapshot> delete(String name) {
    requireWritableJournal();
    return ask(name, ConnectorEntity.Delete::new).thenApply(ConnectorEntity.Reply.Accepted::snapshot);
  }

  /** The connector and the live status of each of its flows, by task id. */
  public CompletionStage<ConnectorStatus> status(String name) {
    return get(name).thenCompose(found -> {
      String journalProblem = journal.problem();
      ConnectorSnapshot snapshot = journalProblem == null || found.target() != TargetState.RUNNING
          || found.failureTrace() != null ? found
          : new ConnectorSnapshot(found.name(), found.config(), found.revision(), found.target(), found.flows(),
              found.type(), journalProblem, found.workerId(), found.topicsUsed());
      if (snapshot.target() == TargetState.STOPPED) {
        return CompletableFuture.completedFuture(new ConnectorStatus(snapshot, List.of()));
      }
      List<CompletableFuture<ConnectorStatus.TaskStatus>> asks = new ArrayList<>();
      for (FlowRef flow : snapshot.flows()) {
        FlowId id = new FlowId(name, flow.key());
        // A flow that cannot answer quickly (its node is gone, its shard is moving) shows as
        // UNASSIGNED rather than holding up the status of every other flow and connector.
        CompletionStage<FlowStatus> answer = FlowEntity.ref(system, id)
            .ask(FlowEntity.GetStatus::new, settings.statusTimeout());
        asks.add(answer.handle((status, error) -> new ConnectorStatus.TaskStatus(flow, error == null ? status
            : unanswered(id))).toCompletableFuture());
      }
      return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
          .thenApply(v -> new ConnectorStatus(snapshot, asks.stream().map(CompletableFuture::join).toList()));
    });
  }

  /**
   * Every flow of every connector (or of one), with its live status and its source's end offset,
   * for {@code GET /flows}. Connectors deleted meanwhile are left out.
   */
  public CompletionStage<List<FlowView>> flows(String onlyConnector) {
    CompletionStage<List<String>> names = onlyConnector == null
        ? list() : CompletableFuture.completedFuture(List.of(onlyConnector));
    return names.thenCompose(all -> {
      List<CompletableFuture<List<FlowView>>> perConnector = new ArrayList<>();
      for (String name : all) {
        perConnector.add(flowsOf(name).toCompletableFuture().exceptionally(error -> {
          if (onlyConnector != null) {
            throw new java.util.concurrent.CompletionException(error);
          }
          return List.of();
        }));
      }
      return CompletableFuture.allOf(perConnector.toArray(CompletableFuture[]::new)).thenApply(v ->
          perConnector.stream().flatMap(f -> f.join().stream()).toList());
    });
  }

  private CompletionStage<List<FlowView>> flowsOf(String name) {
    return status(name).thenCompose(status -> {
      List<FlowRef> refs = status.tasks().stream().map(ConnectorStatus.TaskStatus::flow).toList();
      ConnectorPlan plan;
      CompletionStage<Map<String, Long>> ends;
      try {
        plan = plan(status.connector());
        ends = plan.sourceEnds(refs, system)
            .exceptionally(error -> Map.of()); // an unreachable source leaves the lag unknown
      } catch (RuntimeException e) {
        plan = null;
        ends = CompletableFuture.completedFuture(Map.of());
      }
      ConnectorPlan known = plan;
      return ends.thenApply(end -> status.tasks().stream()
          .map(t -> new FlowView(name, t.flow(), t.status(),
              known == null || t.status().position() == null ? -1 : known.sourceOffset(t.status().position()),
              end.getOrDefault(t.flow().key(), -1L)))
          .toList());
    });
  }

  /** Each flow's task config (GET /connectors/{name}/tasks). */
  public CompletionStage<List<Map.Entry<Integer, Map<String, String>>>> taskConfigs(String name) {
    return get(name).thenApply(snapshot -> {
      if (snapshot.target() == TargetState.STOPPED) {
        return List.of();
      }
      ConnectorPlan plan = plan(snapshot);
      List<Map.Entry<Integer, Map<String, String>>> out = new ArrayList<>();
      for (FlowRef flow : snapshot.flows()) {
        // Task configs are built from the resolved config: show config provider variables as written.
        Map<String, String> task = new HashMap<>(plan.taskConfig(flow));
        snapshot.config().forEach((key, raw) -> {
          if (raw != null && raw.contains("${") && task.containsKey(key)) {
            task.put(key, raw);
          }
        });
        out.add(Map.entry(flow.taskId(), task));
      }
      return out;
    });
  }

  /** Validates a config the way create and update do, without storing it. */
  public ConnectorPlan validate(String name, Map<String, String> config) {
    try {
      return plans.plan(name, config);
    } catch (ConnectorConfigException e) {
      throw ConnectorException.invalidConfig(e);
    }
  }

  private ConnectorPlan plan(ConnectorSnapshot snapshot) {
    return plans.plan(snapshot.name(), snapshot.config());
  }

  private Map<String, String> validated(String name, Map<String, String> config) {
    ConnectorNames.check(name);
    String configName = config.get("name");
    if (configName != null && !configName.equals(name)) {
      throw new ConnectorException(ConnectorException.Kind.BAD_REQUEST,
          "Connector name configuration (" + configName + ") doesn't match connector name in the URL (" + name + ")");
    }
    Map<String, String> full = new HashMap<>(config);
    full.put("name", name);
    validate(name, full);
    return Map.copyOf(full);
  }

  /** A flow that did not answer: not running; FAILED with the reason when the journal is (or just was) the cause. */
  private FlowStatus unanswered(FlowId id) {
    String journalProblem = journal.recentProblem();
    return journalProblem == null ? FlowStatus.unknown(id, settings.workerId())
        : new FlowStatus(id, "FAILED", settings.workerId(), journalProblem, null, 0, 0, 0, 0);
  }

  /** While the journal cannot be written, entities cannot recover: wait for them only briefly. */
  private Duration askTimeout() {
    return journal.problem() != null && JOURNAL_DOWN_ASK_TIMEOUT.compareTo(timeout) < 0
        ? JOURNAL_DOWN_ASK_TIMEOUT : timeout;
  }

  /** Refuses a change at once while the journal cannot be written: it could not be persisted. */
  private void requireWritableJournal() {
    String journalProblem = journal.problem();
    if (journalProblem != null) {
      throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE, "Cannot change connectors now: "
          + journalProblem);
    }
  }

  private CompletionStage<ConnectorEntity.Reply.Accepted> ask(
      String name, Function<ActorRef<ConnectorEntity.Reply>, ConnectorEntity.Command> command) {
    ConnectorNames.check(name);
    return ConnectorEntity.ref(system, name).ask(command::apply, askTimeout()).handle((reply, error) -> {
      if (error != null) {
        String journalProblem = journal.problem();
        if (journalProblem != null) {
          throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE, "Connector " + name
              + " cannot be reached now: " + journalProblem);
        }
        throw error instanceof CompletionException completion ? completion : new CompletionException(error);
      }
      if (reply instanceof ConnectorEntity.Reply.Accepted accepted) {
        return accepted;
      }
      if (reply instanceof ConnectorEntity.Reply.AlreadyExists) {
        throw new ConnectorException(ConnectorException.Kind.ALREADY_EXISTS, "Connector " + name + " already exists");
      }
      if (reply instanceof ConnectorEntity.Reply.Conflict conflict) {
        throw new ConnectorException(ConnectorException.Kind.CONFLICT, conflict.message());
      }
      throw ConnectorException.notFound(name);
    });
  }

  private CompletionStage<ConnectorEntity.Reply.Accepted> registered(ConnectorEntity.Reply.Accepted accepted) {
    // Listed before the caller hears back, so GET /connectors right after a create shows it.
    return ConnectorRegistry.ref(system)
        .<org.apache.pekko.Done>ask(r -> new ConnectorRegistry.Register(accepted.snapshot().name(), r), timeout)
        .thenApply(done -> accepted);
  }
}
