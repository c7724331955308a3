package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/** {@code ferry connectors list}: every connector with its state, tasks and worker. */
@Command(name = "list", aliases = "ls", description = "List connectors: NAME, TYPE, STATE, TASKS (running/total), WORKER.")
final class ListConnectorsCommand extends FerryCommand {

  @Override
  protected void run() {
    JsonNode answer = client().connectorsWithStatus();
    if (jsonOutput()) {
      printJson(answer);
      return;
    }
    TreeMap<String, ConnectorStateInfo> byName = new TreeMap<>();
    answer.properties().forEach(entry ->
        byName.put(entry.getKey(), Json.convert(entry.getValue().get("status"), ConnectorStateInfo.class)));
    if (byName.isEmpty()) {
      out().println("No connectors. Create one with `ferry connectors create -f FILE`.");
      return;
    }
    Table table = new Table("NAME", "TYPE", "STATE", "TASKS", "WORKER");
    byName.forEach((name, status) -> table.row(name, status.type(), status.connector().state(),
        status.runningTasks() + "/" + status.tasks().size(), status.connector().workerId()));
    out().println(table.render());
  }
}
