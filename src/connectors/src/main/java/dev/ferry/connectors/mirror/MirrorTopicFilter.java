package dev.ferry.connectors.mirror;

import java.util.function.Predicate;

/**
 * Which source topics a MirrorMaker 2 source connector replicates, by MM2's rule: topics matching
 * {@code topics} and not {@code topics.exclude}, plus heartbeats topics always; never internal
 * topics; never a remote topic whose alias chain leads back to the target (a cycle).
 */
public final class MirrorTopicFilter implements Predicate<String> {

  private final MirrorConfig config;

  /** The filter of a connector. */
  public MirrorTopicFilter(MirrorConfig config) {
    this.config = config;
  }

  @Override
  public boolean test(String topic) {
    ReplicationPolicy policy = config.policy();
    boolean listed = config.topics().matcher(topic).matches() && !config.topicsExclude().matcher(topic).matches();
    return (listed || policy.isHeartbeatsTopic(topic))
        && !policy.isInternalTopic(topic)
        && !policy.isCycle(topic, config.targetAlias());
  }
}
