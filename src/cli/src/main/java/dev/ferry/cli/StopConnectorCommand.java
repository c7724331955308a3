package dev.ferry.cli;

import picocli.CommandLine.Command;

/** {@code ferry connectors stop NAME}. */
@Command(name = "stop", description = "Stop a connector: its tasks are shut down and removed; `resume` starts it again.")
final class StopConnectorCommand extends ConnectorCommand {

  @Override
  protected void run() {
    client().stop(name());
    say("Stopped connector " + name() + ".");
  }
}
