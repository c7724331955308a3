package dev.ferry.node;

import dev.ferry.engine.connector.ConnectorService;
import dev.ferry.engine.connector.FlowView;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Prints a connector's live progress every few seconds: per source topic the records replicated
 * and the lag (source end offset minus the flows' persisted offsets), and the connector's rate.
 * Used by the embedded demo; reads only what {@code GET /flows} shows too.
 */
public final class ProgressReporter {

  private final ActorSystem<?> system;
  private final ConnectorService service;
  private final String connector;
  private final PrintStream out;

  /** A reporter for one connector. */
  public ProgressReporter(ActorSystem<?> system, ConnectorService service, String connector, PrintStream out) {
    this.system = system;
    this.service = service;
    this.connector = connector;
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
    service.status(connector).thenCombine(service.flows(connector), (status, flows) ->
            render(status.connectorState(), flows))
        .whenComplete((line, error) -> out.println(error == null ? line
            : "[ferry] progress unavailable: " + error.getMessage()));
  }

  private String render(String state, List<FlowView> flows) {
    Map<String, long[]> perTopic = new TreeMap<>(); // topic -> {replicated, lag}
    Map<String, Integer> states = new TreeMap<>();
    double rate = 0;
    for (FlowView flow : flows) {
      String topic = flow.flow().attribute("topic") == null ? flow.flow().key() : flow.flow().attribute("topic");
      long[] sums = perTopic.computeIfAbsent(topic, t -> new long[2]);
      sums[0] += flow.status().recordsReplicated();
      sums[1] += Math.max(0, flow.offsetLag());
      rate += flow.status().recordsPerSecond();
      states.merge(flow.status().state(), 1, Integer::sum);
    }
    StringBuilder line = new StringBuilder("[ferry] ").append(connector).append(' ').append(state)
        .append(" flows=").append(states);
    perTopic.forEach((topic, sums) -> line.append(String.format(" | %s replicated=%,d lag=%,d", topic, sums[0], sums[1])));
    return line.append(String.format(" | %,.0f rec/s", rate)).toString();
  }
}
