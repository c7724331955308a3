package dev.ferry.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser against a live node: the overview and a connector page show what
 * the API says, the create form shows a key's validation error next to it, pause and resume work
 * from the page, a failed connector shows its trace, and the test saves screenshots of the overview
 * and of a connector page. The first test's connector (the demo's two topics, 9 partitions) is
 * reused by the last one, which adds live traffic for the charts.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesTest extends ConsoleTestBase {

  private static final String DEMO = "demo-replicator";
  private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

  @Test
  @Order(1)
  void overviewListsTheRunningReplicatorWithItsNineFlowsAsGetFlowsShowsThem() {
    TopicData.createTopic(source(), "demo.orders", 6);
    TopicData.createTopic(source(), "demo.payments", 3);
    TopicData.produce(source(), "demo.orders", 6, 0, 200, 100);
    TopicData.produce(source(), "demo.payments", 3, 0, 100, 100);
    api.create(DEMO, replicator("demo.orders,demo.payments"));
    Await.until(Duration.ofSeconds(90), () -> caughtUp(api.get("/flows?connector=" + DEMO).json(), 9),
        () -> "9 flows RUNNING and caught up: " + api.get("/flows?connector=" + DEMO));

    browser.open(ui("#/"));
    String row = "tr[data-connector='" + DEMO + "']";
    browser.waitForText(row + " [data-testid=connector-state]", "RUNNING");
    JsonNode flows = api.get("/flows?connector=" + DEMO).json();
    long running = stream(flows).filter(f -> "RUNNING".equals(f.path("state").asText())).count();
    long lag = stream(flows).mapToLong(f -> f.path("offset_lag").asLong()).sum();
    assertEquals(9, flows.size(), "GET /flows lists the 9 flows: " + flows);
    browser.waitForText(row + " [data-testid=connector-tasks]", running + "/" + flows.size());
    browser.waitForText(row + " [data-testid=connector-lag]", COUNT.format(lag));
    browser.waitForText(row + " [data-testid=connector-time-lag]", "0ms");
    browser.waitForText("[data-testid=members] tbody tr td:nth-child(5)", workerId());
    Await.until(Duration.ofSeconds(30), () -> browser.textNow("[data-testid=members] tbody tr td:nth-child(6)")
            .equals(COUNT.format(stream(api.get("/flows").json()).filter(f -> workerId().equals(f.path("worker_id").asText())).count())),
        () -> "the member row counts the node's flows as GET /flows does: "
            + browser.textNow("[data-testid=members] tbody tr td:nth-child(6)"));

    browser.click(row + " [data-testid=connector-link]");
    browser.waitForText("[data-testid=flows-count]", "9 of 9 flows");
    assertEquals("#/connectors/" + DEMO, browser.hash(), "the link opens the connector's page");
    for (JsonNode flow : api.get("/flows?connector=" + DEMO).json()) {
      String cells = "tr[data-flow='" + flow.path("topic").asText() + "/" + flow.path("partition").asInt() + "'] td";
      browser.waitForText(cells + ":nth-child(5)", flow.path("worker_id").asText());
      browser.waitForText(cells + ":nth-child(7)", COUNT.format(flow.path("offset").asLong()));
      browser.waitForText(cells + ":nth-child(8)", COUNT.format(flow.path("end_offset").asLong()));
      browser.waitForText(cells + ":nth-child(9)", COUNT.format(flow.path("offset_lag").asLong()));
    }
    assertEquals(9, browser.all("[data-testid=partition-map] .cell").size(), "one square per partition in the picture");
    assertEquals("RUNNING", browser.element("[data-testid=connector-page]").getAttribute("data-state"), "page state");
  }

  @Test
  @Order(2)
  void createFormShowsTheBadRegexNextToItsKeyAndCreatesTheConnectorOnceFixed() {
    TopicData.createTopic(source(), "console.form", 2);
    browser.open(ui("#/new"));
    browser.type("[data-testid=config-text]", formConfig("console\\\\.form("));
    WebElement error = browser.element("tr[data-key='topic.regex'] [data-testid=key-error]");
    assertTrue(error.getText().contains("topic.regex") && error.getText().contains("not a valid regular expression"),
        "the regex error is shown next to topic.regex: " + error.getText());
    assertFalse(browser.element("[data-testid=submit]").isEnabled(), "Create is disabled while the config has errors");
    assertEquals(404, api.get("/connectors/console-form").status(), "validation created nothing");

    browser.type("[data-testid=config-text]", formConfig("console\\\\.form"));
    browser.waitForText("[data-testid=validation-summary]", "Valid.");
    assertTrue(browser.all("[data-testid=key-error]").isEmpty(), "no key error once fixed");
    browser.waitFor(() -> "Create enabled", d -> browser.element("[data-testid=submit]").isEnabled());
    browser.click("[data-testid=submit]");
    assertEquals("Create connector console-form?", browser.confirm(), "the action asks first");
    browser.waitFor(() -> "the new connector's page (at " + browser.hash() + ")", d -> "#/connectors/console-form".equals(browser.hash()));
    ConnectClientAssert.status(api.get("/connectors/console-form"), 200);
    assertEquals("console\\.form", api.get("/connectors/console-form/config").json().path("topic.regex").asText(),
        "created with the fixed regex");
    browser.waitForText("[data-testid=connector-page] [data-testid=state]", "RUNNING");
  }

  @Test
  @Order(3)
  void pauseAndResumeFromThePageChangeTheStateInTheApiAndOnThePage() {
    TopicData.createTopic(source(), "console.pause", 2);
    api.create("console-pause", replicator("console.pause"));
    Await.until(Duration.ofSeconds(60), () -> "RUNNING".equals(api.connectorState("console-pause")),
        () -> "console-pause RUNNING: " + api.get("/connectors/console-pause/status"));
    browser.open(ui("#/connectors/console-pause"));
    browser.waitForText("[data-testid=state]", "RUNNING");

    browser.click("[data-testid=action-pause]");
    assertTrue(browser.confirm().startsWith("Pause connector console-pause?"), "pause asks first");
    Await.until(Duration.ofSeconds(30), () -> "PAUSED".equals(api.connectorState("console-pause")),
        () -> "PAUSED in the API: " + api.get("/connectors/console-pause/status"));
    browser.waitForText("[data-testid=state]", "PAUSED");

    browser.click("[data-testid=action-resume]");
    assertTrue(browser.confirm().startsWith("Resume connector console-pause?"), "resume asks first");
    Await.until(Duration.ofSeconds(30), () -> "RUNNING".equals(api.connectorState("console-pause")),
        () -> "RUNNING in the API: " + api.get("/connectors/console-pause/status"));
    browser.waitForText("[data-testid=state]", "RUNNING");
  }

  @Test
  @Order(4)
  void failedConnectorShowsItsTrace() {
    Map<String, String> config = replicator("console.nowhere");
    config.put("src.kafka.bootstrap.servers", "127.0.0.1:1");
    api.create("console-failed", config);
    Await.until(Duration.ofSeconds(60), () -> "FAILED".equals(api.connectorState("console-failed")),
        () -> "console-failed FAILED: " + api.get("/connectors/console-failed/status"));
    String trace = api.get("/connectors/console-failed/status").json().path("connector").path("trace").asText();
    assertFalse(trace.isBlank(), "the API has a trace");

    browser.open(ui("#/connectors/console-failed"));
    browser.waitForText("[data-testid=state]", "FAILED");
    browser.waitForText("[data-testid=connector-trace] summary", trace.split("\n", 2)[0]);
    browser.open(ui("#/"));
    browser.waitForText("tr[data-connector='console-failed'] [data-testid=connector-state]", "FAILED");
  }

  @Test
  @Order(5)
  void savesScreenshotsOfTheOverviewAndOfAConnectorPageUnderLiveTraffic() throws Exception {
    AtomicBoolean producing = new AtomicBoolean(true);
    AtomicLong next = new AtomicLong(200);
    Thread traffic = new Thread(() -> {
      while (producing.get()) {
        long from = next.getAndAdd(40);
        TopicData.produce(source(), "demo.orders", 6, from, 40, 200);
        TopicData.produce(source(), "demo.payments", 3, from, 40, 200);
      }
    }, "console-test-traffic");
    traffic.start();
    try {
      browser.open(ui("#/connectors/" + DEMO));
      new Select(browser.element("[data-testid=refresh]")).selectByVisibleText("every 1 s");
      browser.waitFor(() -> "the charts hold 15 samples", d ->
          Integer.parseInt(browser.element("[data-testid=chart-rate]").getAttribute("data-points")) >= 15);
      assertTrue(browser.all("[data-testid=chart-rate] canvas").size() == 1, "uPlot drew the rate chart");
      Path connectorShot = browser.screenshot("console-connector");
      browser.open(ui("#/"));
      browser.waitForText("tr[data-connector='" + DEMO + "'] [data-testid=connector-state]", "RUNNING");
      browser.waitFor(() -> "a rate above 0 on the overview", d ->
          !"0".equals(browser.textNow("tr[data-connector='" + DEMO + "'] [data-testid=connector-rate]")));
      Path overviewShot = browser.screenshot("console-overview");
      for (Path shot : new Path[] {connectorShot, overviewShot}) {
        assertTrue(Files.size(shot) > 20_000, shot + " is a real picture (" + Files.size(shot) + " bytes)");
      }
    } finally {
      producing.set(false);
      traffic.join(30_000);
    }
  }

  private static String formConfig(String regex) {
    return "{\"name\": \"console-form\", \"config\": {\n"
        + "  \"connector.class\": \"EMRReplicatorSourceConnector\",\n"
        + "  \"src.kafka.bootstrap.servers\": \"" + source() + "\",\n"
        + "  \"topic.regex\": \"" + regex + "\",\n"
        + "  \"topic.rename.format\": \"${topic}.replica\"\n}}";
  }

  private static boolean caughtUp(JsonNode flows, int expected) {
    return flows.size() == expected && stream(flows).allMatch(f ->
        "RUNNING".equals(f.path("state").asText()) && f.path("offset_lag").asLong(-1) == 0);
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }
}
