package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry connectors config set NAME key=value... [-f FILE]}: reads the connector's config,
 * merges the file's keys and then the arguments into it, and puts the result back.
 */
@Command(name = "set", description = "Set config keys of a connector (keys not named are kept).")
final class SetConnectorConfigCommand extends ConnectorCommand {

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE", description = "Keys to set.")
  private List<String> assignments = List.of();

  @Option(names = {"-f", "--file"}, paramLabel = "FILE",
      description = "Keys to set, from a file in any format `ferry connectors create` reads.")
  private Path file;

  @Override
  protected void run() {
    Map<String, String> changes = requestedChanges();
    Map<String, String> before = Json.MAPPER.convertValue(client().config(name()), Json.MAPPER.getTypeFactory()
        .constructMapType(LinkedHashMap.class, String.class, String.class));
    Map<String, String> after = new LinkedHashMap<>(before);
    after.putAll(changes);
    JsonNode answer = client().putConfig(name(), after);
    if (jsonOutput()) {
      printJson(answer);
      return;
    }
    Table changed = new Table("KEY", "OLD", "NEW");
    changes.forEach((key, value) -> {
      if (!Objects.equals(before.get(key), value)) {
        changed.row(key, before.get(key), value);
      }
    });
    if (changed.isEmpty()) {
      out().println("Connector " + name() + " already had this config; nothing changed.");
      return;
    }
    out().println("Updated connector " + name() + ":");
    out().println(changed.render());
  }

  private Map<String, String> requestedChanges() {
    Map<String, String> changes = new LinkedHashMap<>();
    if (file != null) {
      ConnectorDefinition definition = ConnectorFile.read(file);
      if (definition.name() != null && !definition.name().equals(name())) {
        throw new UsageException(file + " is for connector " + definition.name() + ", not " + name());
      }
      changes.putAll(definition.config());
    }
    changes.putAll(ConfigAssignments.parse(assignments));
    if (changes.isEmpty()) {
      throw new UsageException("nothing to set: give key=value arguments and/or -f FILE");
    }
    return changes;
  }
}
