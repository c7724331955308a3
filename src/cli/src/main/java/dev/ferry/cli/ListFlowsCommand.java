package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry flows [--connector NAME]}: each flow's node, state, offsets, lag and rate. */
@Command(name = "flows",
    description = "List flows (one per source partition): CONNECTOR, TASK, PARTITION, STATE, WORKER, OFFSET, LAG, TIME LAG, REC/S.")
final class ListFlowsCommand extends FerryCommand {

  @Option(names = {"-c", "--connector"}, description = "Only this connector's flows.")
  private String connector;

  @Override
  protected void run() {
    JsonNode flows = client().flows(connector);
    if (jsonOutput()) {
      printJson(flows);
      return;
    }
    if (flows.isEmpty()) {
      out().println("No flows. Create a connector with `ferry connectors create -f FILE`.");
      return;
    }
    Table table = new Table("CONNECTOR", "TASK", "PARTITION", "STATE", "WORKER", "OFFSET", "LAG", "TIME LAG", "REC/S");
    for (JsonNode flow : flows) {
      table.row(flow.path("connector").asText(), flow.path("task").asText(),
          flow.path("topic").asText() + "-" + flow.path("partition").asText(), flow.path("state").asText(),
          flow.path("worker_id").asText(), flow.path("offset").asText(), unknownIfNegative(flow.path("offset_lag")),
          timeLag(flow.path("time_lag_ms")), flow.path("records_per_second").asText());
    }
    out().println(table.render());
  }

  private static String unknownIfNegative(JsonNode value) {
    return value.asLong(-1) < 0 ? "?" : value.asText();
  }

  private static String timeLag(JsonNode ms) {
    long value = ms.asLong(-1);
    return value < 0 ? "?" : value < 1000 ? value + "ms" : String.format("%.1fs", value / 1000.0);
  }
}
