package dev.ferry.connectors.mirror;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The upstream-to-downstream offset mapping of one source partition, rebuilt from offset syncs,
 * that translates a consumer group's committed offset exactly.
 *
 * <p>Ferry's source flows write a sync wherever the distance between source and target offsets
 * changes and at the end of every batch ({@link OffsetSyncWriter}), so between two consecutive syncs
 * {@code p} and {@code n} every record keeps {@code p}'s distance. The first target record at or
 * after source offset {@code K} is then {@code min(p.downstream + (K - p.upstream), n.downstream)}
 * — no guess, no re-read. Only the start of each run and the newest sync are kept. A sync at or
 * below the newest one (records re-written after a crash) replaces the mapping from there on.
 * Past the newest sync Ferry answers like MM2: one past it.
 */
final class OffsetIndex {

  /** At most this many runs are kept per partition; the oldest go first. */
  static final int MAX_ENTRIES = 10_000;

  private final TreeMap<Long, Long> syncs = new TreeMap<>();

  /** Adds a sync read from the offset-syncs topic, in the order it was written. */
  void add(long upstream, long downstream) {
    syncs.tailMap(upstream, true).clear();
    Map.Entry<Long, Long> last = syncs.lastEntry();
    if (last != null && delta(last) == downstream - upstream) {
      Map.Entry<Long, Long> beforeLast = syncs.lowerEntry(last.getKey());
      if (beforeLast != null && delta(beforeLast) == delta(last)) {
        syncs.remove(last.getKey()); // a continuation of the same run adds nothing but the frontier
      }
    }
    syncs.put(upstream, downstream);
    if (syncs.size() > MAX_ENTRIES) {
      syncs.pollFirstEntry();
    }
  }

  /**
   * The downstream offset a consumer must resume from after committing {@code upstream} on the
   * source: the target offset of the first record at or after it. Empty when no sync lies at or
   * below it.
   */
  OptionalLong translate(long upstream) {
    Map.Entry<Long, Long> previous = syncs.floorEntry(upstream);
    if (previous == null) {
      return OptionalLong.empty();
    }
    if (previous.getKey() == upstream) {
      return OptionalLong.of(previous.getValue());
    }
    Map.Entry<Long, Long> next = syncs.higherEntry(upstream);
    if (next == null) {
      // Past the newest sync: only its successor's place is known for sure.
      return OptionalLong.of(previous.getValue() + 1);
    }
    return OptionalLong.of(Math.min(previous.getValue() + (upstream - previous.getKey()), next.getValue()));
  }

  /** Runs currently kept. */
  int size() {
    return syncs.size();
  }

  private static long delta(Map.Entry<Long, Long> sync) {
    return sync.getValue() - sync.getKey();
  }
}
