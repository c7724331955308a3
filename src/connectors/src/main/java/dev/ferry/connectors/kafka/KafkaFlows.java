package dev.ferry.connectors.kafka;

import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.Position;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Flows that read one Kafka topic-partition (replicator, MirrorMaker 2, every sink): their key
 * ({@code <topic>/<partition>}), attributes ({@code topic}, {@code partition}, and for copies
 * {@code target.topic}) and position ({@code {"kafka_offset": <next offset to read>}}), made and
 * read in this one place.
 */
public final class KafkaFlows {

  /** The position key: the next offset of the partition to read. */
  public static final String KAFKA_OFFSET = "kafka_offset";
  /** Attribute: the topic the flow reads. */
  public static final String TOPIC = "topic";
  /** Attribute: the partition the flow reads. */
  public static final String PARTITION = "partition";
  /** Attribute: the topic a copying flow writes to (same partition number). */
  public static final String TARGET_TOPIC = "target.topic";

  private KafkaFlows() {}

  /** The key of the flow reading {@code topic}'s {@code partition}. */
  public static String key(String topic, int partition) {
    return topic + "/" + partition;
  }

  /** A flow reading {@code topic}'s {@code partition}; {@code targetTopic} may be null (sinks). */
  public static FlowDescriptor descriptor(String topic, int partition, String targetTopic) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put(TOPIC, topic);
    attributes.put(PARTITION, Integer.toString(partition));
    if (targetTopic != null) {
      attributes.put(TARGET_TOPIC, targetTopic);
    }
    return new FlowDescriptor(key(topic, partition), attributes);
  }

  /** The partition a flow reads. */
  public static TopicPartition partition(FlowRef flow) {
    return new TopicPartition(flow.attribute(TOPIC), Integer.parseInt(flow.attribute(PARTITION)));
  }

  /** The topic a copying flow writes to. */
  public static String targetTopic(FlowRef flow) {
    return flow.attribute(TARGET_TOPIC);
  }

  /** The position "next offset to read is {@code offset}". */
  public static Position position(long offset) {
    return Position.of(KAFKA_OFFSET, offset);
  }

  /** The next offset a position says to read (-1 when it has none). */
  public static long offset(Position position) {
    return position == null ? -1 : position.getLong(KAFKA_OFFSET, -1);
  }
}
