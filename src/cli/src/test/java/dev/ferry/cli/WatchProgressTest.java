package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

/** Progress, lag, ETA and caught-up as {@code ferry watch} computes them from {@code GET /flows}. */
class WatchProgressTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void etaComesFromHowFastTheLagShrinksBetweenRefreshes() {
    WatchProgress progress = new WatchProgress();
    WatchProgress.Snapshot first = progress.update(flows(flow(1000, 0, 50), flow(1000, 0, 50)), 0);
    assertEquals(2000, first.lag(), "lag summed over flows");
    assertEquals(20, first.etaSeconds(), "before a second refresh: lag / replication rate (2000 / 100)");

    WatchProgress.Snapshot second = progress.update(flows(flow(500, 1500, 50), flow(500, 1500, 50)), 2 * SECOND);
    assertEquals(2, second.etaSeconds(), "lag fell by 1000 in 2s: 1000 left at 500/s");
    assertEquals(0.75, second.fraction(), 1e-9, "3000 replicated of 4000");
    assertFalse(second.caughtUp(), "lag left");
  }

  @Test
  void caughtUpOnlyWhenEveryFlowHasZeroLag() {
    WatchProgress progress = new WatchProgress();
    assertTrue(progress.update(flows(flow(0, 10, 0), flow(0, 5, 0)), 0).caughtUp(), "all zero");
    assertFalse(new WatchProgress().update(flows(flow(0, 10, 0), flow(-1, 5, 0)), 0).caughtUp(),
        "a flow whose lag is unknown is not caught up");
    assertFalse(new WatchProgress().update(Json.MAPPER.createArrayNode(), 0).caughtUp(), "no flows is not caught up");
  }

  @Test
  void lagThatDoesNotShrinkHasNoEta() {
    WatchProgress progress = new WatchProgress();
    progress.update(flows(flow(100, 0, 0)), 0);
    WatchProgress.Snapshot stuck = progress.update(flows(flow(120, 0, 0)), SECOND);
    assertEquals(-1, stuck.etaSeconds(), "growing lag: unknown ETA");
    assertTrue(WatchProgress.render("c", stuck, 10).contains("ETA ?"), "shown as ?");
  }

  @Test
  void rendersBarPercentLagAndStates() {
    WatchProgress.Snapshot half = new WatchProgress().update(flows(flow(50, 50, 0)), 0);
    assertEquals("orders  [#####-----]  50.0%  lag 50  time lag 1.5s  0 rec/s  ETA ?  1 flow: 1 RUNNING",
        WatchProgress.render("orders", half, 10), "the human line");
    assertEquals("1:01:05", WatchProgress.clock(3665), "hours shown from an hour on");
  }

  private static ArrayNode flows(JsonNode... flows) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (JsonNode flow : flows) {
      array.add(flow);
    }
    return array;
  }

  private static JsonNode flow(long lag, long replicated, double perSecond) {
    return Json.MAPPER.createObjectNode().put("state", "RUNNING").put("offset_lag", lag)
        .put("records_replicated", replicated).put("records_per_second", perSecond)
        .put("time_lag_ms", lag == 0 ? 0 : 1500);
  }
}
