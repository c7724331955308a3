package dev.ferry.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console with 1,000 flows (one connector on a 1,000-partition topic): the connector page shows
 * all of them, 100 rows a page, and one square each in the partition picture, and the overview
 * counts them. The page's own render times (answer received to DOM committed, and to the next
 * frame) are printed and written to target/console-render.txt: measured, not asserted.
 */
@Timeout(400)
class ThousandFlowsTest extends ConsoleTestBase {

  private static final int PARTITIONS = 1000;
  private static final int REFRESHES = 10;

  @Test
  void connectorPageShowsAThousandFlowsPagedAndInThePicture() throws Exception {
    TopicData.createTopic(source(), "console.wide", PARTITIONS);
    TopicData.produce(source(), "console.wide", PARTITIONS, 0, 3, 50);
    api.create("wide", replicator("console.wide"));
    Await.until(Duration.ofSeconds(240), () -> running(api.get("/flows?connector=wide").json()) == PARTITIONS,
        () -> "1,000 flows RUNNING (" + running(api.get("/flows?connector=wide").json()) + ")");

    long started = System.nanoTime();
    browser.open(ui("#/connectors/wide"));
    browser.waitFor(() -> "the page rendered 1,000 flows", d ->
        "1000".equals(browser.element("[data-testid=connector-page]").getAttribute("data-rendered-flows")));
    double openToPaintedMs = (System.nanoTime() - started) / 1e6;
    browser.waitForText("[data-testid=flows-count]", "1,000 of 1,000 flows");
    assertEquals(100, browser.all("[data-testid=flows] tbody tr").size(), "one page of 100 rows");
    assertEquals("page 1 of 10", browser.textNow("[data-testid=pager] span"), "10 pages");
    assertEquals(PARTITIONS, browser.all("[data-testid=partition-map] .cell").size(), "one square per flow");
    browser.click("[data-testid=next-page]");
    browser.waitForText("[data-testid=flows] tbody tr:first-child td:nth-child(2)", "100");

    browser.waitFor(() -> REFRESHES + " refreshes rendered", d -> renders().size() >= REFRESHES + 1);
    List<double[]> renders = renders();
    double[] first = renders.get(0);
    List<double[]> refreshes = renders.subList(1, renders.size());
    String line = String.format(java.util.Locale.ROOT,
        "console render flows=%d open_to_painted_ms=%.0f first_commit_ms=%.1f first_paint_ms=%.1f "
            + "refresh_commit_ms_median=%.1f refresh_paint_ms_median=%.1f refreshes=%d",
        PARTITIONS, openToPaintedMs, first[0], first[1], median(refreshes, 0), median(refreshes, 1), refreshes.size());
    System.out.println(line);
    Files.writeString(Path.of("target", "console-render.txt"), line + "\n");

    browser.open(ui("#/"));
    browser.waitForText("tr[data-connector='wide'] [data-testid=connector-tasks]", "1000/1000");
    api.delete("/connectors/wide");
  }

  /** The connector page's renders of all 1,000 flows: [committed ms, painted ms]. */
  private static List<double[]> renders() {
    Object raw = browser.script("return (window.ferryConsole.renders || [])"
        + ".filter(r => r.view === 'connector' && r.flows === " + PARTITIONS + ").map(r => [r.committed, r.painted])");
    List<double[]> out = new ArrayList<>();
    for (Object item : (List<?>) raw) {
      List<?> pair = (List<?>) item;
      out.add(new double[] {((Number) pair.get(0)).doubleValue(), ((Number) pair.get(1)).doubleValue()});
    }
    return out;
  }

  private static double median(List<double[]> values, int index) {
    assertTrue(!values.isEmpty(), "renders measured");
    double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static long running(JsonNode flows) {
    return StreamSupport.stream(flows.spliterator(), false).filter(f -> "RUNNING".equals(f.path("state").asText())).count();
  }
}
