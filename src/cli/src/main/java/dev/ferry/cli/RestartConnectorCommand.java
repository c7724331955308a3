package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry connectors restart NAME [--include-tasks] [--only-failed]}. */
@Command(name = "restart", description = "Restart a connector, and with --include-tasks its tasks too.")
final class RestartConnectorCommand extends ConnectorCommand {

  @Option(names = "--include-tasks", description = "Restart the connector's tasks as well.")
  private boolean includeTasks;

  @Option(names = "--only-failed", description = "Restart only what is FAILED.")
  private boolean onlyFailed;

  @Override
  protected void run() {
    Optional<JsonNode> answer = client().restart(name(), includeTasks, onlyFailed);
    if (answer.isEmpty()) {
      say("Restarted connector " + name() + ".");
    } else if (jsonOutput()) {
      printJson(answer.get());
    } else {
      out().println("Restarting connector " + name() + ":");
      out().println();
      StatusView.print(Json.convert(answer.get(), ConnectorStateInfo.class), out());
    }
  }
}
