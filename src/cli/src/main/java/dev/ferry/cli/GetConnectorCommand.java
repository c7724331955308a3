package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/** {@code ferry connectors get NAME}: a connector's type, task count and config. */
@Command(name = "get", aliases = "describe", description = "Show a connector's type, tasks and config.")
final class GetConnectorCommand extends ConnectorCommand {

  @Override
  protected void run() {
    JsonNode answer = client().connector(name());
    if (jsonOutput()) {
      printJson(answer);
      return;
    }
    ConnectorInfo info = Json.convert(answer, ConnectorInfo.class);
    out().println(new Table()
        .row("Name:", info.name())
        .row("Type:", info.type())
        .row("Tasks:", info.tasks() == null ? 0 : info.tasks().size())
        .render());
    out().println();
    Table config = new Table("KEY", "VALUE");
    new TreeMap<>(info.config()).forEach(config::row);
    out().println(config.render());
  }
}
