package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three connector definition formats, and what is said about files that are none of them. */
class ConnectorFileTest {

  private static final Map<String, String> EXPECTED_CONFIG = Map.of(
      "name", "orders",
      "connector.class", "EMRReplicatorSourceConnector",
      "topic.whitelist", "orders",
      "tasks.max", "2");

  @Test
  void connectRequestJsonGivesNameConfigAndInitialState() {
    ConnectorDefinition definition = ConnectorFile.parse("orders.json", """
        {"name": "orders", "initial_state": "PAUSED",
         "config": {"name": "orders", "connector.class": "EMRReplicatorSourceConnector",
                    "topic.whitelist": "orders", "tasks.max": 2}}
        """);

    assertEquals("orders", definition.name(), "name from the request");
    assertEquals(EXPECTED_CONFIG, definition.config(), "config, the number as its text");
    assertEquals("PAUSED", definition.initialState(), "initial_state is kept");
  }

  @Test
  void connectRequestWithoutTopLevelNameTakesTheConfigsName() {
    ConnectorDefinition definition = ConnectorFile.parse("c.json", "{\"config\": {\"name\": \" orders \"}}");

    assertEquals("orders", definition.name(), "name from the config, trimmed");
  }

  @Test
  void flatJsonConfigGivesTheNameInside() {
    ConnectorDefinition definition = ConnectorFile.parse("orders.json", """
        {"name": "orders", "connector.class": "EMRReplicatorSourceConnector",
         "topic.whitelist": "orders", "tasks.max": "2"}
        """);

    assertEquals("orders", definition.name(), "name from the flat map");
    assertEquals(EXPECTED_CONFIG, definition.config(), "the whole map is the config");
    assertNull(definition.initialState(), "no initial_state in a flat map");
  }

  @Test
  void propertiesFileGivesNameAndConfig() {
    ConnectorDefinition definition = ConnectorFile.parse("orders.properties", """
        # Connect standalone style
        name=orders
        connector.class=EMRReplicatorSourceConnector
        topic.whitelist=orders
        tasks.max=2
        """);

    assertEquals("orders", definition.name(), "name= line");
    assertEquals(EXPECTED_CONFIG, definition.config(), "every property is config");
  }

  @Test
  void fileWithoutKnownExtensionIsJsonWhenItStartsWithABrace() {
    assertEquals("orders", ConnectorFile.parse("orders.conf", "  {\"name\": \"orders\"}").name(), "sniffed as JSON");
    assertEquals("orders", ConnectorFile.parse("orders.conf", "name=orders").name(), "sniffed as properties");
  }

  @Test
  void definitionWithoutNameHasNullName() {
    assertNull(ConnectorFile.parse("c.properties", "connector.class=X").name(), "no name= line");
    assertNull(ConnectorFile.parse("c.json", "{\"connector.class\": \"X\"}").name(), "no name key");
  }

  @Test
  void malformedJsonIsABadInputNamingTheFile() {
    UsageException error = assertThrows(UsageException.class,
        () -> ConnectorFile.parse("broken.json", "{\"name\": \"x\","), "truncated JSON is refused");
    assertTrue(error.getMessage().startsWith("broken.json is not valid JSON"), "names the file: " + error.getMessage());
  }

  @Test
  void nestedValueIsABadInputNamingTheKey() {
    UsageException error = assertThrows(UsageException.class,
        () -> ConnectorFile.parse("c.json", "{\"name\": \"x\", \"topic.whitelist\": [\"a\"]}"), "a list value is refused");
    assertTrue(error.getMessage().contains("\"topic.whitelist\" must be a string"), "names the key: " + error.getMessage());
  }

  @Test
  void jsonThatIsNotAnObjectIsABadInput() {
    assertThrows(UsageException.class, () -> ConnectorFile.parse("c.json", "[1, 2]"), "an array is refused");
  }

  @Test
  void readsFilesAndSaysWhenOneIsMissing(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("orders.properties"), List.of("name=orders", "topic.whitelist=orders"));
    assertEquals("orders", ConnectorFile.read(file).name(), "read from disk");

    UsageException error = assertThrows(UsageException.class, () -> ConnectorFile.read(dir.resolve("nope.json")),
        "a missing file is a bad input");
    assertTrue(error.getMessage().contains("no such file"), "says the file is missing: " + error.getMessage());
  }

  @Test
  void keyValueArgumentsSplitAtTheFirstEquals() {
    assertEquals(Map.of("a", "1", "url", "http://x?y=z", "empty", ""),
        ConfigAssignments.parse(List.of("a=1", "url=http://x?y=z", "empty=")), "values may contain = or be empty");
    assertThrows(UsageException.class, () -> ConfigAssignments.parse(List.of("novalue")), "an argument without =");
    assertThrows(UsageException.class, () -> ConfigAssignments.parse(List.of("=value")), "an argument without key");
  }
}
