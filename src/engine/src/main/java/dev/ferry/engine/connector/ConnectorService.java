package dev.ferry.engine.connector;

import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.flow.FlowEntity;
import dev.ferry.engine.flow.FlowSpec;
import dev.ferry.engine.flow.FlowStatus;
import dev.ferry.engine.persistence.JournalHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * once as UNAVAILABLE with the reason, and status waits only briefly for entities (which cannot
 * recover meanwhile): a flow that does not answer shows FAILED with the journal's problem, a
 * running connector FAILED with it as its trace.
 */
public final class ConnectorService {

  /** How long status waits for an entity while the journal cannot be written. */
  private static final Duration JOURNAL_DOWN_ASK_TIMEOUT = Duration.ofSeconds(2);

  private final ActorSystem<?> system;
  private final EngineSettings settings;
  private final Duration timeout;
  private final OffsetCommands offsets;
  private final JournalHealth journal;

  /** A service over the connectors of the cluster this node belongs to. */
  public ConnectorService(ActorSystem<?> system, EngineSettings settings) {
    this.system = system;
    this.settings = settings;
    this.timeout = settings.askTimeout();
    this.offsets = new OffsetCommands(system, timeout);
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
      ConnectorEntity.FlowRef flow = snapshot.target() == TargetState.STOPPED ? null : snapshot.flows().stream()
          .filter(f -> f.taskId() == taskId).findFirst().orElse(null);
      if (flow == null) {
        throw new ConnectorException(ConnectorException.Kind.NOT_FOUND, "Unknown task: " + name + "-" + taskId);
      }
      return FlowEntity.ref(system, flow.id()).<Done>ask(r -> new FlowEntity.Restart(false, r), timeout);
    });
  }

  /** Each flow's persisted offset (GET /connectors/{name}/offsets), in any state. */
  public CompletionStage<SourceOffsets> offsets(String name) {
    return get(name).thenCompose(snapshot -> offsets.read(snapshot, plan(snapshot)));
  }

  /** Moves flows' offsets (PATCH /connectors/{name}/offsets); only while the connector is STOPPED. */
  public CompletionStage<Done> alterOffsets(String name, SourceOffsets changes) {
    requireWritableJournal();
    return get(name).thenCompose(snapshot -> offsets.move(snapshot, plan(snapshot), changes));
  }

  /** Resets every flow to its initial offset (DELETE /connectors/{name}/offsets); only while STOPPED. */
  public CompletionStage<Done> resetOffsets(String name) {
    requireWritableJournal();
    return get(name).thenCompose(snapshot -> offsets.reset(snapshot, plan(snapshot)));
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
          : new ConnectorSnapshot(found.name(), found.config(), found.target(), found.flows(), found.type(),
              journalProblem, found.workerId(), found.topicsUsed());
      if (snapshot.target() == TargetState.STOPPED) {
        return CompletableFuture.completedFuture(new ConnectorStatus(snapshot, List.of()));
      }
      List<CompletableFuture<ConnectorStatus.TaskStatus>> asks = new ArrayList<>();
      for (ConnectorEntity.FlowRef flow : snapshot.flows()) {
        CompletionStage<FlowStatus> answer = FlowEntity.ref(system, flow.id())
            .ask(FlowEntity.GetStatus::new, flowStatusTimeout());
        asks.add(answer.handle((status, error) -> new ConnectorStatus.TaskStatus(flow, error == null ? status
            : unanswered(flow)))
            .toCompletableFuture());
      }
      return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
          .thenApply(v -> new ConnectorStatus(snapshot, asks.stream().map(CompletableFuture::join).toList()));
    });
  }

  /** A flow that did not answer: not running; FAILED with the reason when the journal is (or just was) the cause. */
  private FlowStatus unanswered(ConnectorEntity.FlowRef flow) {
    String journalProblem = journal.recentProblem();
    return new FlowStatus(flow.id(), journalProblem == null ? "UNASSIGNED" : "FAILED", settings.workerId(),
        journalProblem, -1, 0, 0, 0, 0);
  }

  /** While the journal cannot be written, entities cannot recover: wait for them only briefly. */
  private Duration askTimeout() {
    return shortTimeoutIf(journal.problem() != null);
  }

  /** Flows may still be restarting for a while after the journal came back: their status is asked briefly too. */
  private Duration flowStatusTimeout() {
    return shortTimeoutIf(journal.recentProblem() != null);
  }

  private Duration shortTimeoutIf(boolean journalTrouble) {
    return journalTrouble && JOURNAL_DOWN_ASK_TIMEOUT.compareTo(timeout) < 0 ? JOURNAL_DOWN_ASK_TIMEOUT : timeout;
  }

  /** Refuses a change at once while the journal cannot be written: it could not be persisted. */
  private void requireWritableJournal() {
    String journalProblem = journal.problem();
    if (journalProblem != null) {
      throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE, "Cannot change connectors now: "
          + journalProblem);
    }
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
      List<dev.ferry.engine.flow.FlowId> ids = status.tasks().stream().map(t -> t.flow().id()).toList();
      CompletionStage<Map<dev.ferry.engine.flow.FlowId, Long>> ends;
      try {
        ends = ConnectorTypes.plan(name, status.connector().config(), settings).sourceEndOffsets(ids, system)
            .exceptionally(error -> Map.of()); // an unreachable source leaves the lag unknown
      } catch (RuntimeException e) {
        ends = CompletableFuture.completedFuture(Map.of());
      }
      return ends.thenApply(end -> status.tasks().stream()
          .map(t -> new FlowView(name, t.flow(), t.status(), end.getOrDefault(t.flow().id(), -1L)))
          .toList());
    });
  }

  /** Each flow's task config (GET /connectors/{name}/tasks). */
  public CompletionStage<List<Map.Entry<Integer, Map<String, String>>>> taskConfigs(String name) {
    return get(name).thenApply(snapshot -> {
      if (snapshot.target() == TargetState.STOPPED) {
        return List.of();
      }
      ConnectorPlan plan = ConnectorTypes.plan(name, snapshot.config(), settings);
      List<Map.Entry<Integer, Map<String, String>>> out = new ArrayList<>();
      for (ConnectorEntity.FlowRef flow : snapshot.flows()) {
        FlowSpec spec = new FlowSpec(flow.id(), flow.targetTopic(), snapshot.config());
        out.add(Map.entry(flow.taskId(), plan.taskConfig(spec)));
      }
      return out;
    });
  }

  /** Validates a config the way create and update do, without storing it. */
  public ConnectorPlan validate(String name, Map<String, String> config) {
    try {
      return ConnectorTypes.plan(name, config, settings);
    } catch (ConnectorConfigException e) {
      throw ConnectorException.invalidConfig(e);
    }
  }

  private ConnectorPlan plan(ConnectorSnapshot snapshot) {
    return ConnectorTypes.plan(snapshot.name(), snapshot.config(), settings);
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
        throw error instanceof java.util.concurrent.CompletionException c ? c
            : new java.util.concurrent.CompletionException(error);
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
