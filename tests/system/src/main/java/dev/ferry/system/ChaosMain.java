package dev.ferry.system;

import dev.ferry.testkit.TestClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ./build.sh chaos [scenario...]}: the long failure scenarios against two fresh local
 * Kafka clusters, three Ferry node processes and this machine's PostgreSQL. Prints one line per
 * scenario ({@code scenario=<name> records=<n> lost=<n> duplicates=<n> recovery_s=<x> ...}) and
 * exits 1 if any record was lost or a scenario failed. Scenarios: kill-node, rolling-restart,
 * full-restart, target-outage (default: all). {@code CHAOS_SIZE=short} runs the CI sizes.
 */
public final class ChaosMain {

  private ChaosMain() {}

  /** Runs the scenarios. */
  public static void main(String[] args) throws Exception {
    ChaosScenarios.Size size = "short".equalsIgnoreCase(System.getenv("CHAOS_SIZE"))
        ? ChaosScenarios.Size.SHORT : ChaosScenarios.Size.LONG;
    Path logDir = Files.createTempDirectory("ferry-chaos-");
    System.out.println("chaos: node logs in " + logDir);
    List<String> names = args.length == 0
        ? List.of("kill-node", "rolling-restart", "full-restart", "target-outage") : List.of(args);
    boolean ok = true;
    List<String> lines = new ArrayList<>();
    try (TestClusters kafka = TestClusters.startNew()) {
      ChaosScenarios scenarios = new ChaosScenarios(kafka, logDir, size);
      for (String name : names) {
        Supplier<ScenarioResult> scenario = switch (name) {
          case "kill-node" -> scenarios::killNode;
          case "rolling-restart" -> scenarios::rollingRestart;
          case "full-restart" -> scenarios::fullRestart;
          case "target-outage" -> scenarios::targetOutage;
          default -> throw new IllegalArgumentException("unknown scenario " + name
              + "; known: kill-node rolling-restart full-restart target-outage");
        };
        String line;
        try {
          ScenarioResult result = scenario.get();
          line = result.line();
          ok &= result.reconciliation().lost() == 0 && result.reconciliation().problems().isEmpty();
        } catch (RuntimeException | AssertionError e) {
          line = "scenario=" + name + " failed=\"" + e.getMessage() + "\"";
          ok = false;
        }
        System.out.println(line);
        lines.add(line);
      }
    }
    System.out.println("chaos summary:");
    lines.forEach(System.out::println);
    System.exit(ok ? 0 : 1);
  }
}
