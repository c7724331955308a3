package dev.ferry.connectors.mirror;

/**
 * MM2's identity naming: remote topics keep their names (migrations, active/active with the same
 * names), except heartbeats, which are still prefixed so their path stays visible. Names cannot
 * show where a record came from, so Ferry adds a provenance header instead ({@link ProvenanceCopier}).
 *
 * @param separator         used for heartbeats topics
 * @param internalSeparator in internal topic names
 */
public record IdentityReplicationPolicy(String separator, String internalSeparator) implements ReplicationPolicy {

  private DefaultReplicationPolicy heartbeatNaming() {
    return new DefaultReplicationPolicy(separator, internalSeparator);
  }

  private static boolean looksLikeHeartbeat(String topic) {
    return topic.endsWith(HEARTBEATS_TOPIC);
  }

  @Override
  public String formatRemoteTopic(String sourceAlias, String topic) {
    return looksLikeHeartbeat(topic) ? heartbeatNaming().formatRemoteTopic(sourceAlias, topic) : topic;
  }

  @Override
  public String topicSource(String topic) {
    return looksLikeHeartbeat(topic) ? heartbeatNaming().topicSource(topic) : null;
  }

  @Override
  public String upstreamTopic(String topic) {
    return looksLikeHeartbeat(topic) ? heartbeatNaming().upstreamTopic(topic) : topic;
  }

  @Override
  public boolean namesShowOrigin() {
    return false;
  }
}
