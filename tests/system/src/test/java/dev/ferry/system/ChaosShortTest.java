package dev.ferry.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testkit.TestClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The failure scenarios in their short CI size: three real Ferry node processes, two real KRaft
 * clusters, this machine's PostgreSQL, 12 partitions under load. Every record is counted; the
 * long versions run with {@code ./build.sh chaos}.
 */
class ChaosShortTest {

  private static TestClusters kafka;
  private static ChaosScenarios scenarios;

  @BeforeAll
  static void start() throws Exception {
    kafka = TestClusters.startNew();
    Path logs = Path.of("target", "chaos-logs");
    Files.createDirectories(logs);
    scenarios = new ChaosScenarios(kafka, logs.toAbsolutePath(), ChaosScenarios.Size.SHORT);
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  @Test
  void killMinusNineOfANodeLosesNothing() {
    ScenarioResult result = report(scenarios.killNode());
    assertNothingLost(result);
    long moved = Long.parseLong(result.details().replaceAll(".*moved_flows=(\\d+).*", "$1"));
    assertTrue(moved > 0, "the killed node ran flows: " + result.line());
    assertTrue(result.reconciliation().duplicates() <= moved * 1000,
        "duplicates at most one checkpoint window (1000 records) per moved flow: " + result.line());
  }

  @Test
  void rollingRestartLosesNothingAndDuplicatesNothing() {
    ScenarioResult result = report(scenarios.rollingRestart());
    assertNothingLost(result);
    assertEquals(0, result.reconciliation().duplicates(), "graceful hand-off drains first: " + result.line());
  }

  @Test
  void fullStopAndStartResumesFromPostgres() {
    ScenarioResult result = report(scenarios.fullRestart());
    assertNothingLost(result);
    assertEquals(0, result.reconciliation().duplicates(), "a graceful stop persists final offsets: " + result.line());
  }

  @Test
  void targetOutageRecoversByItself() {
    ScenarioResult result = report(scenarios.targetOutage());
    assertNothingLost(result);
    assertTrue(result.reconciliation().duplicates() <= 12 * 1000, result.line());
  }

  private static ScenarioResult report(ScenarioResult result) {
    System.out.println(result.line());
    return result;
  }

  private static void assertNothingLost(ScenarioResult result) {
    assertEquals(0, result.reconciliation().lost(), result.line());
    assertTrue(result.reconciliation().problems().isEmpty(), result.line());
    assertTrue(result.reconciliation().sourceRecords() > 0, "the load produced records: " + result.line());
  }
}
