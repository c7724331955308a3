package dev.ferry.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a target topic with its source, record by record, per partition: which source
 * sequence numbers never arrived (lost), which arrived more than once (duplicates), and whether
 * the target kept the source's order once duplicates are ignored.
 *
 * @param sourceRecords records in the source
 * @param targetRecords records in the target
 * @param lost          source records missing from the target
 * @param duplicates    extra copies in the target
 * @param problems      human-readable description of every partition that differs
 */
public record Reconciliation(long sourceRecords, long targetRecords, long lost, long duplicates, List<String> problems) {

  /** Reconciles digests of a source and a target topic. */
  public static Reconciliation of(Map<Integer, TopicData.PartitionDigest> source,
                                  Map<Integer, TopicData.PartitionDigest> target) {
    long lost = 0;
    long duplicates = 0;
    List<String> problems = new ArrayList<>();
    for (var entry : source.entrySet()) {
      int p = entry.getKey();
      TopicData.PartitionDigest s = entry.getValue();
      TopicData.PartitionDigest t = target.get(p);
      if (t == null) {
        lost += s.count();
        problems.add("partition " + p + " missing in the target");
        continue;
      }
      java.util.Set<Long> seen = new java.util.HashSet<>();
      long lastNew = Long.MIN_VALUE;
      boolean ordered = true;
      for (long seq : t.sequence()) {
        if (!seen.add(seq)) {
          duplicates++;
        } else {
          if (seq < lastNew) {
            ordered = false;
          }
          lastNew = seq;
        }
      }
      long missing = java.util.Arrays.stream(s.sequence()).filter(seq -> !seen.contains(seq)).count();
      lost += missing;
      if (missing > 0) {
        problems.add("partition " + p + ": " + missing + " record(s) lost");
      }
      if (!ordered) {
        problems.add("partition " + p + ": order differs from the source");
      }
    }
    return new Reconciliation(TopicData.total(source), TopicData.total(target), lost, duplicates, problems);
  }

  /** One line for reports: {@code records=.. lost=.. duplicates=..}. */
  public String summary() {
    return "source_records=" + sourceRecords + " target_records=" + targetRecords + " lost=" + lost
        + " duplicates=" + duplicates + (problems.isEmpty() ? "" : " problems=" + problems);
  }
}
