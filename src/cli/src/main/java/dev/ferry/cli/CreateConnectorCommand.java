package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry connectors create -f FILE}: creates a connector from a definition file. */
@Command(name = "create", description = {
    "Create a connector from FILE: Kafka Connect's {\"name\":...,\"config\":{...}} JSON, "
        + "a flat JSON config map with \"name\" inside, or a .properties file."})
final class CreateConnectorCommand extends FerryCommand {

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The connector definition.")
  private Path file;

  @Override
  protected void run() {
    ConnectorDefinition definition = ConnectorFile.read(file);
    if (definition.name() == null) {
      throw new UsageException(file + " names no connector: add \"name\" (name=... in a .properties file)");
    }
    JsonNode answer = client().create(definition);
    if (jsonOutput()) {
      printJson(answer);
      return;
    }
    ConnectorInfo info = Json.convert(answer, ConnectorInfo.class);
    out().println("Created connector " + info.name() + " (" + info.type() + "). "
        + "Follow it with `ferry connectors status " + info.name() + "`.");
  }
}
