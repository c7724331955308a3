package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code ferry connectors status NAME}: the connector's state and a table of its tasks. */
@Command(name = "status", description = "Show a connector's state and its tasks: ID, STATE, WORKER, TRACE (first line).")
final class ConnectorStatusCommand extends ConnectorCommand {

  @Override
  protected void run() {
    JsonNode answer = client().status(name());
    if (jsonOutput()) {
      printJson(answer);
      return;
    }
    StatusView.print(Json.convert(answer, ConnectorStateInfo.class), out());
  }
}
