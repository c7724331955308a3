package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferry connectors offsets NAME [--set FILE|JSON | --reset]}: shows where each of the
 * connector's flows resumes (GET .../offsets), moves them (PATCH, with Connect's
 * {@code {"offsets":[{"partition":{"cluster","topic","partition"},"offset":{"offset":n}}]}}) or resets
 * them to the beginning (DELETE). Moving and resetting need the connector STOPPED.
 */
@Command(name = "offsets",
    description = {"Show a connector's offsets (the next source offset each flow copies); with --set or --reset"
        + " change them (the connector must be STOPPED: `ferry connectors stop NAME`)."})
final class ConnectorOffsetsCommand extends ConnectorCommand {

  @ArgGroup(exclusive = true)
  private Change change;

  /** At most one change per run. */
  static final class Change {
    @Option(names = "--set", paramLabel = "FILE|JSON", required = true,
        description = "Move offsets: a file or inline JSON in Connect's form, "
            + "{\"offsets\":[{\"partition\":{\"cluster\":..,\"topic\":..,\"partition\":0},\"offset\":{\"offset\":42}}]}.")
    String set;

    @Option(names = "--reset", required = true, description = "Reset every flow to the beginning of its partition.")
    boolean reset;
  }

  @Override
  protected void run() {
    if (change == null) {
      show(client().offsets(name()));
      return;
    }
    JsonNode answer = change.reset ? client().resetOffsets(name()) : client().alterOffsets(name(), parse(change.set));
    if (jsonOutput()) {
      printJson(answer);
    } else {
      out().println(answer.path("message").asText("Offsets of connector " + name() + " changed."));
      out().println("Resume it with `ferry connectors resume " + name() + "`.");
    }
  }

  private void show(JsonNode answer) {
    if (jsonOutput()) {
      printJson(answer);
      return;
    }
    JsonNode offsets = answer.path("offsets");
    if (offsets.isEmpty()) {
      out().println("Connector " + name() + " has no offsets yet (no flow has run).");
      return;
    }
    Table table = new Table("CLUSTER", "TOPIC", "PARTITION", "OFFSET");
    for (JsonNode entry : offsets) {
      JsonNode partition = entry.path("partition");
      JsonNode offset = entry.path("offset").path("offset");
      table.row(partition.path("cluster").asText(), partition.path("topic").asText(),
          partition.path("partition").asText(), offset.isNull() || offset.isMissingNode() ? "-" : offset.asText());
    }
    out().println(table.render());
  }

  /** Inline JSON when it starts with a brace, else the file it names. */
  private static JsonNode parse(String fileOrJson) {
    String text = fileOrJson.strip();
    String source = "--set value";
    if (!text.startsWith("{")) {
      Path file = Path.of(fileOrJson);
      source = file.toString();
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new UsageException("cannot read " + file + ": no such file (give a file or inline JSON starting with {)", e);
      } catch (IOException e) {
        throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    try {
      JsonNode offsets = Json.parse(text);
      if (offsets == null || !offsets.isObject() || !offsets.has("offsets")) {
        throw new UsageException(source + " must be Connect's {\"offsets\":[{\"partition\":{...},\"offset\":{...}}]}"
            + " — see `ferry connectors offsets NAME -o json` for the form");
      }
      return offsets;
    } catch (JsonProcessingException e) {
      throw new UsageException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
