package dev.ferry.cli;

import picocli.CommandLine.Command;

/** {@code ferry connectors pause NAME}. */
@Command(name = "pause", description = "Pause a connector and its tasks: nothing is consumed or produced, resources are kept.")
final class PauseConnectorCommand extends ConnectorCommand {

  @Override
  protected void run() {
    client().pause(name());
    say("Pausing connector " + name() + ". Check with `ferry connectors status " + name() + "`.");
  }
}
