package dev.ferry.connectors.kafka;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which source topics a connector replicates: an explicit list and/or a regex (full match),
 * minus an exclusion list. Internal topics ({@code __consumer_offsets}, {@code __transaction_state},
 * anything starting with {@code __}) are never selected.
 *
 * @param included topics named explicitly
 * @param regex    topics whose whole name matches, or null
 * @param excluded topics never selected
 */
public record TopicSelector(Set<String> included, Pattern regex, Set<String> excluded) {

  /** Copies the sets. */
  public TopicSelector {
    included = Set.copyOf(included);
    excluded = Set.copyOf(excluded);
  }

  /** Whether {@code topic} is replicated. */
  public boolean selects(String topic) {
    if (topic.startsWith("__") || excluded.contains(topic)) {
      return false;
    }
    return included.contains(topic) || (regex != null && regex.matcher(topic).matches());
  }

  /** The selected topics among {@code topics}, sorted. */
  public List<String> select(Iterable<String> topics) {
    java.util.List<String> out = new java.util.ArrayList<>();
    topics.forEach(t -> {
      if (selects(t)) {
        out.add(t);
      }
    });
    out.sort(null);
    return out;
  }
}
