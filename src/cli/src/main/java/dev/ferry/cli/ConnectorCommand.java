package dev.ferry.cli;

import picocli.CommandLine.Parameters;

/** A command about one connector, named by its first argument. */
abstract class ConnectorCommand extends FerryCommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "The connector's name.")
  private String name;

  /** The connector's name. */
  protected String name() {
    return name;
  }
}
