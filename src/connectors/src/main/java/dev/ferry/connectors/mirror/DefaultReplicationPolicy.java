package dev.ferry.connectors.mirror;

import java.util.regex.Pattern;

/**
 * MM2's default naming: the remote copy of {@code orders} from cluster {@code east} is
 * {@code east.orders} (with {@code replication.policy.separator}), so every name tells where a
 * topic came from and cycles are visible in the name.
 *
 * @param separator         between alias and topic
 * @param internalSeparator in internal topic names
 */
public record DefaultReplicationPolicy(String separator, String internalSeparator) implements ReplicationPolicy {

  @Override
  public String formatRemoteTopic(String sourceAlias, String topic) {
    return sourceAlias + separator + topic;
  }

  @Override
  public String topicSource(String topic) {
    String[] parts = topic.split(Pattern.quote(separator));
    return parts.length < 2 ? null : parts[0];
  }

  @Override
  public String upstreamTopic(String topic) {
    String source = topicSource(topic);
    return source == null ? null : topic.substring(source.length() + separator.length());
  }

  @Override
  public boolean namesShowOrigin() {
    return true;
  }
}
