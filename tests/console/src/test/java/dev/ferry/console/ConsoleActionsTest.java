package dev.ferry.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console's other actions against a live node: editing a config sends only the changed keys and
 * keeps a secret it showed redacted; a STOPPED connector's offsets are moved from the page and the
 * flows copy again from there after resume; one task is restarted and the connector deleted.
 */
@Timeout(300)
class ConsoleActionsTest extends ConsoleTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "s3cret-value";

  @Test
  void editSendsOnlyTheChangedKeysAndKeepsTheRedactedSecret() throws Exception {
    TopicData.createTopic(source(), "console.edit", 1);
    Map<String, String> config = replicator("console.edit");
    config.put("src.kafka.ssl.key.password", SECRET);
    api.create("console-edit", config);
    browser.open(ui("#/connectors/console-edit"));
    browser.waitForText("[data-testid=config] [data-key='src.kafka.ssl.key.password']", "********");
    assertFalse(String.valueOf(browser.script("return document.body.innerText")).contains(SECRET),
        "the secret is nowhere on the page");

    browser.click("[data-testid=action-edit]");
    String shown = browser.element("[data-testid=config-text]").getAttribute("value");
    assertFalse(shown.contains(SECRET), "the editor shows the secret redacted: " + shown);
    ObjectNode edited = (ObjectNode) JSON.readTree(shown);
    assertEquals("********", edited.path("src.kafka.ssl.key.password").asText(), "redacted in the editor: " + shown);
    edited.put("src.kafka.max.poll.records", "123");
    edited.remove("key.converter");
    browser.type("[data-testid=config-text]", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(edited));
    browser.waitForText("[data-testid=validation-summary]", "Valid.");
    browser.click("[data-testid=submit]");
    assertEquals("Apply 2 changed keys (src.kafka.max.poll.records, key.converter) to console-edit?", browser.confirm(),
        "only the changed keys are sent");
    browser.waitFor(() -> "back on the connector's page", d -> "#/connectors/console-edit".equals(browser.hash()));

    JsonNode stored = api.get("/connectors/console-edit/config").json();
    assertEquals("123", stored.path("src.kafka.max.poll.records").asText(), "added key stored: " + stored);
    assertTrue(stored.path("key.converter").isMissingNode(), "removed key removed: " + stored);
    assertEquals(SECRET, stored.path("src.kafka.ssl.key.password").asText(), "the secret kept its value");
    assertEquals("console.edit", stored.path("topic.whitelist").asText(), "untouched keys kept: " + stored);
  }

  @Test
  void offsetsOfAStoppedConnectorMoveFromThePageAndTheFlowsCopyAgainFromThere() {
    TopicData.createTopic(source(), "console.offsets", 2);
    TopicData.produce(source(), "console.offsets", 2, 0, 50, 100);
    api.create("console-offsets", replicator("console.offsets"));
    Await.until(Duration.ofSeconds(60), () -> offsetsAt(50, 50), () -> "both flows at 50: " + api.get("/flows?connector=console-offsets"));
    browser.open(ui("#/connectors/console-offsets"));
    browser.waitForText("[data-testid=state]", "RUNNING");

    browser.click("[data-testid=action-stop]");
    assertTrue(browser.confirm().startsWith("Stop connector console-offsets?"), "stop asks first");
    Await.until(Duration.ofSeconds(30), () -> "STOPPED".equals(api.connectorState("console-offsets")),
        () -> "STOPPED in the API: " + api.get("/connectors/console-offsets/status"));
    browser.waitForText("[data-testid=state]", "STOPPED");
    browser.waitForText("tr[data-offset-row='console.offsets/0'] [data-testid=offset]", "50");
    browser.type("tr[data-offset-row='console.offsets/0'] input", "10");
    browser.click("[data-testid=offsets-apply]");
    assertEquals("Move 1 partition of console-offsets to the new offsets?", browser.confirm(), "move asks first");
    browser.waitForText("tr[data-offset-row='console.offsets/0'] [data-testid=offset]", "10");
    JsonNode offsets = api.get("/connectors/console-offsets/offsets").json().path("offsets");
    for (JsonNode o : offsets) {
      long expected = o.path("partition").path("partition").asInt() == 0 ? 10 : 50;
      assertEquals(expected, o.path("offset").path("offset").asLong(), "stored offsets after the move: " + offsets);
    }

    browser.click("[data-testid=action-resume]");
    browser.confirm();
    Await.until(Duration.ofSeconds(60), () -> offsetsAt(50, 50), () -> "both flows back at 50: " + api.get("/flows?connector=console-offsets"));
    Map<Integer, TopicData.PartitionDigest> target = TopicData.digest(clusters.target().bootstrapServers(),
        "console.offsets.replica", Duration.ofSeconds(30));
    assertEquals(90, target.get(0).count(), "partition 0 copied 0..49, then 10..49 again after the move");
    assertEquals(40, target.get(0).duplicates(), "exactly the 40 records after the new offset are copied twice");
    assertEquals(50, target.get(1).count(), "partition 1 copied once");
    assertEquals(0, target.get(1).duplicates(), "no duplicates on partition 1");
  }

  @Test
  void restartsOneTaskAndDeletesTheConnectorFromThePage() {
    TopicData.createTopic(source(), "console.delete", 1);
    api.create("console-delete", replicator("console.delete"));
    Await.until(Duration.ofSeconds(60), () -> "RUNNING".equals(api.connectorState("console-delete")),
        () -> "RUNNING: " + api.get("/connectors/console-delete/status"));
    browser.open(ui("#/connectors/console-delete"));
    browser.click("tr[data-flow='console.delete/0'] button");
    assertTrue(browser.confirm().startsWith("Restart task 0 (console.delete-0) of console-delete?"), "restart asks first");
    browser.waitForText("[data-testid=notice-ok] span", "Restarting task 0.");

    browser.click("[data-testid=action-delete]");
    assertTrue(browser.confirm().startsWith("Delete connector console-delete?"), "delete asks first");
    browser.waitFor(() -> "the overview after the delete", d -> "#/".equals(browser.hash()));
    Await.until(Duration.ofSeconds(30), () -> api.get("/connectors/console-delete").status() == 404,
        () -> "deleted in the API: " + api.get("/connectors/console-delete"));
    browser.waitFor(() -> "the overview, without console-delete", d ->
        !browser.all("[data-testid=new-connector]").isEmpty() && browser.all("tr[data-connector='console-delete']").isEmpty());
  }

  private static boolean offsetsAt(long p0, long p1) {
    JsonNode flows = api.get("/flows?connector=console-offsets").json();
    if (flows.size() != 2) {
      return false;
    }
    for (JsonNode f : flows) {
      long expected = f.path("partition").asInt() == 0 ? p0 : p1;
      if (!"RUNNING".equals(f.path("state").asText()) || f.path("offset").asLong() != expected) {
        return false;
      }
    }
    return true;
  }
}
