package dev.ferry.connectors.kafka;

import java.util.regex.Pattern;

/**
 * Target topic names from a format where {@code ${topic}} stands for the source topic
 * (Replicator's {@code topic.rename.format}): {@code ${topic}.replica}, {@code dc1.${topic}}, or a
 * fixed name for a single topic.
 *
 * @param format the format
 */
public record TopicRenameFormat(String format) {

  /** The placeholder for the source topic. */
  public static final String PLACEHOLDER = "${topic}";

  private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /** The identity format. */
  public static TopicRenameFormat identity() {
    return new TopicRenameFormat(PLACEHOLDER);
  }

  /** The target topic of {@code sourceTopic}. */
  public String apply(String sourceTopic) {
    return format.replace(PLACEHOLDER, sourceTopic);
  }

  /** Whether the format names the source topic (else every source topic maps to one name). */
  public boolean usesTopic() {
    return format.contains(PLACEHOLDER);
  }

  /** Whether the format keeps names unchanged. */
  public boolean isIdentity() {
    return format.equals(PLACEHOLDER);
  }

  /** Whether a name is a legal Kafka topic name. */
  public static boolean isLegalTopic(String name) {
    return LEGAL_TOPIC.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }
}
