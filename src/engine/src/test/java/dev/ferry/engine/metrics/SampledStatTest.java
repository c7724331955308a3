package dev.ferry.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Min, max, average and rate over two samples of a window, as Kafka's metrics compute them. */
class SampledStatTest {

  private static final long WINDOW = 30_000;

  @Test
  void minMaxAndAverageCoverTheCurrentAndPreviousSample() {
    SampledStat stat = new SampledStat(WINDOW);
    stat.record(10, 1_000);
    stat.record(30, 2_000);
    stat.record(20, 1_000 + WINDOW + 5_000); // second sample
    assertEquals(10, stat.min(40_000), "min over both samples");
    assertEquals(30, stat.max(40_000), "max over both samples");
    assertEquals(20, stat.avg(40_000), 1e-9, "average over both samples");
    assertEquals(20, stat.last(), "latest value");
  }

  @Test
  void valuesOlderThanTwoWindowsAreForgotten() {
    SampledStat stat = new SampledStat(WINDOW);
    stat.record(10, 1_000);
    assertTrue(Double.isNaN(stat.max(1_000 + 3 * WINDOW)), "an idle window has no max");
    stat.record(5, 1_000 + 3 * WINDOW);
    assertEquals(5, stat.min(1_000 + 3 * WINDOW + 1), "only the new value");
  }

  @Test
  void rateIsTheWindowsSumPerSecondOverAtLeastOneSample() {
    SampledStat stat = new SampledStat(WINDOW);
    stat.record(300, 1_000);
    stat.record(300, 11_000);
    assertEquals(20, stat.ratePerSecond(11_000), 1e-9, "600 records over the 30s minimum span");
    stat.record(900, 1_000 + WINDOW + 20_000);
    assertEquals(1500 / 50.0, stat.ratePerSecond(1_000 + WINDOW + 20_000), 1e-9,
        "1500 records since the previous sample started 50s ago");
  }
}
