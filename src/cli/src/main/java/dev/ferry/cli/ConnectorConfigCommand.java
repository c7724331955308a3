package dev.ferry.cli;

import picocli.CommandLine.Command;

/** {@code ferry connectors config ...}: the commands about a connector's config. */
@Command(
    name = "config",
    description = "Change a connector's config.",
    subcommands = SetConnectorConfigCommand.class)
final class ConnectorConfigCommand {}
