package dev.ferry.cli;

import picocli.CommandLine.Command;

/** {@code ferry connectors resume NAME}. */
@Command(name = "resume", description = "Resume a paused or stopped connector.")
final class ResumeConnectorCommand extends ConnectorCommand {

  @Override
  protected void run() {
    client().resume(name());
    say("Resuming connector " + name() + ". Check with `ferry connectors status " + name() + "`.");
  }
}
