package dev.ferry.system;

import dev.ferry.testkit.Reconciliation;

/**
 * What one failure scenario measured: records produced to the source, lost and duplicated on the
 * target (counted to the last record by {@link Reconciliation}), seconds until the affected flows
 * produced again, and scenario-specific details.
 *
 * @param name           scenario name
 * @param reconciliation the per-partition comparison of source and target
 * @param recoverySeconds time until every affected flow produced again (-1 when not applicable)
 * @param details        extra figures, {@code key=value} separated by spaces
 */
public record ScenarioResult(String name, Reconciliation reconciliation, double recoverySeconds, String details) {

  /** {@code scenario=<name> records=<n> lost=<n> duplicates=<n> recovery_s=<x> ...}. */
  public String line() {
    return String.format("scenario=%s records=%d lost=%d duplicates=%d recovery_s=%.1f%s%s", name,
        reconciliation.sourceRecords(), reconciliation.lost(), reconciliation.duplicates(), recoverySeconds,
        details.isBlank() ? "" : " " + details,
        reconciliation.problems().isEmpty() ? "" : " problems=" + reconciliation.problems());
  }
}
