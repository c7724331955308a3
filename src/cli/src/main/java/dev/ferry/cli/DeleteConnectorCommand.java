package dev.ferry.cli;

import picocli.CommandLine.Command;

/** {@code ferry connectors delete NAME}. */
@Command(name = "delete", aliases = "rm", description = "Delete a connector.")
final class DeleteConnectorCommand extends ConnectorCommand {

  @Override
  protected void run() {
    client().delete(name());
    say("Deleted connector " + name() + ".");
  }
}
