package dev.ferry.node;

import dev.ferry.engine.connector.ConnectorService;
import dev.ferry.engine.connector.ConnectorStatus;
import dev.ferry.engine.kafka.ClusterClientKey;
import dev.ferry.engine.kafka.KafkaClients;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Prints a connector's live progress every few seconds: per source topic the records replicated
 * and the lag (source end offset minus the flows' persisted offsets), and the connector's rate.
 * Used by the embedded demo; reads only what the REST API could read too.
 */
public final class ProgressReporter {

  private final ActorSystem<?> system;
  private final ConnectorService service;
  private final String connector;
  private final ClusterClientKey source;
  private final PrintStream out;

  /** A reporter for one connector whose source cluster is {@code sourceBootstrap}. */
  public ProgressReporter(ActorSystem<?> system, ConnectorService service, String connector,
                          String sourceBootstrap, PrintStream out) {
    this.system = system;
    this.service = service;
    this.connector = connector;
    this.source = ClusterClientKey.of(sourceBootstrap);
    this.out = out;
  }

  /** Prints every {@code interval} until the node stops. */
  public void start(Duration interval) {
    var schedule = system.scheduler().scheduleWithFixedDelay(interval, interval, this::printOnce, system.executionContext());
    org.apache.pekko.actor.CoordinatedShutdown.get(system).addTask(
        org.apache.pekko.actor.CoordinatedShutdown.PhaseServiceUnbind(), "stop-progress-reporter", () -> {
          schedule.cancel();
          out.println("[ferry] stopping: draining flows and persisting their offsets ...");
          return java.util.concurrent.CompletableFuture.completedFuture(org.apache.pekko.Done.getInstance());
        });
  }

  private void printOnce() {
    service.status(connector).thenCompose(this::withEndOffsets).whenComplete((line, error) ->
        out.println(error == null ? line : "[ferry] progress unavailable: " + error.getMessage()));
  }

  private CompletionStage<String> withEndOffsets(ConnectorStatus status) {
    Map<TopicPartition, OffsetSpec> request = status.tasks().stream().collect(Collectors.toMap(
        t -> new TopicPartition(t.flow().id().topic(), t.flow().id().partition()), t -> OffsetSpec.latest()));
    ListOffsetsResult result = KafkaClients.get(system).admin(source).listOffsets(request);
    return result.all().toCompletionStage().thenApply(ends -> render(status,
        ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()))));
  }

  private String render(ConnectorStatus status, Map<TopicPartition, Long> ends) {
    Map<String, long[]> perTopic = new TreeMap<>(); // topic -> {replicated, lag}
    double rate = 0;
    Map<String, Integer> states = new HashMap<>();
    for (ConnectorStatus.TaskStatus task : status.tasks()) {
      var id = task.flow().id();
      long end = ends.getOrDefault(new TopicPartition(id.topic(), id.partition()), 0L);
      long next = Math.max(0, task.status().nextOffset());
      long[] sums = perTopic.computeIfAbsent(id.topic(), t -> new long[2]);
      sums[0] += task.status().recordsReplicated();
      sums[1] += Math.max(0, end - next);
      rate += task.status().recordsPerSecond();
      states.merge(task.status().state(), 1, Integer::sum);
    }
    StringBuilder line = new StringBuilder("[ferry] ").append(connector).append(' ')
        .append(status.connectorState()).append(" flows=").append(states);
    perTopic.forEach((topic, sums) -> line.append(String.format(" | %s replicated=%,d lag=%,d", topic, sums[0], sums[1])));
    return line.append(String.format(" | %,.0f rec/s", rate)).toString();
  }

}
