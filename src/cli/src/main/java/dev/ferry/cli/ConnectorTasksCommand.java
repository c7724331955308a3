package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code ferry connectors tasks NAME}: each task's id, source partition and target topic. */
@Command(name = "tasks", description = "List a connector's tasks: ID, PARTITION (source topic-partition), TARGET TOPIC.")
final class ConnectorTasksCommand extends ConnectorCommand {

  @Override
  protected void run() {
    JsonNode answer = client().tasks(name());
    if (jsonOutput()) {
      printJson(answer);
      return;
    }
    Table table = new Table("ID", "PARTITION", "TARGET TOPIC");
    answer.forEach(node -> {
      TaskInfo task = Json.convert(node, TaskInfo.class);
      table.row(task.id().task(), task.config().get(TaskInfo.PARTITION_KEY), task.config().get(TaskInfo.TARGET_TOPIC_KEY));
    });
    out().println(table.isEmpty()
        ? "Connector " + name() + " has no tasks (it is stopped, or no source partition was found yet)."
        : table.render());
  }
}
