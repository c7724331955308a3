package dev.ferry.it;

import java.util.ArrayList;
import java.util.List;

/**
 * What MirrorMaker 2 would have done with the same replicated partition, for comparison: its source
 * task emits an offset sync for the first record, after a skipped source offset, when the target
 * went backwards, or when the target moved {@code offset.lag.max} records past the last sync's
 * successor; its checkpoint task translates a committed offset K through the newest sync at or
 * below K to {@code downstream + (K == upstream ? 0 : 1)}.
 */
final class Mm2TranslationRule {

  private Mm2TranslationRule() {}

  /** MM2's syncs for the record mapping {@code upstream[i] -> downstream[i]} (ascending). */
  static List<long[]> syncs(long[] upstream, long[] downstream, long offsetLagMax) {
    List<long[]> out = new ArrayList<>();
    long lastSyncDownstream = -1;
    long previousUpstream = -1;
    long previousDownstream = -1;
    for (int i = 0; i < upstream.length; i++) {
      boolean first = lastSyncDownstream == -1;
      boolean stale = downstream[i] - (lastSyncDownstream + 1) >= offsetLagMax;
      boolean skipped = upstream[i] - previousUpstream != 1;
      boolean truncated = downstream[i] < previousDownstream;
      if (first || stale || skipped || truncated) {
        out.add(new long[] {upstream[i], downstream[i]});
        lastSyncDownstream = downstream[i];
      }
      previousUpstream = upstream[i];
      previousDownstream = downstream[i];
    }
    return out;
  }

  /** MM2's translation of committed offset {@code k}, or -1 when no sync lies at or below it. */
  static long translate(List<long[]> syncs, long k) {
    long[] best = null;
    for (long[] sync : syncs) {
      if (sync[0] <= k && (best == null || sync[0] > best[0])) {
        best = sync;
      }
    }
    return best == null ? -1 : best[1] + (best[0] == k ? 0 : 1);
  }
}
