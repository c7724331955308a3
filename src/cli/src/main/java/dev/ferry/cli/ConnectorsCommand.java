package dev.ferry.cli;

import picocli.CommandLine.Command;

/** {@code ferry connectors ...}: the commands about connectors. */
@Command(
    name = "connectors",
    aliases = "connector",
    description = "List, inspect, create, reconfigure and operate connectors, and move their offsets.",
    subcommands = {
        ListConnectorsCommand.class,
        GetConnectorCommand.class,
        ConnectorStatusCommand.class,
        CreateConnectorCommand.class,
        ConnectorConfigCommand.class,
        PauseConnectorCommand.class,
        ResumeConnectorCommand.class,
        StopConnectorCommand.class,
        RestartConnectorCommand.class,
        DeleteConnectorCommand.class,
        ConnectorTasksCommand.class,
        ConnectorOffsetsCommand.class})
final class ConnectorsCommand {}
