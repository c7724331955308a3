package dev.ferry.engine.connector;

import java.util.List;

/**
 * A source connector's offsets as the Connect offsets API shows and changes them: one entry per
 * flow (source topic-partition). An offset is the <em>next</em> source offset the flow copies
 * (Kafka's committed-offset meaning), so moving a flow to {@code K} makes its target receive the
 * source records from {@code K} on.
 *
 * @param sourceCluster how the connector names its source cluster ({@link ConnectorPlan#sourceClusterName})
 * @param partitions    each flow that has an offset, sorted by topic and partition
 */
public record SourceOffsets(String sourceCluster, List<PartitionOffset> partitions) {

  /**
   * One flow's offset.
   *
   * @param topic      source topic
   * @param partition  source partition
   * @param nextOffset next source offset to copy; null in a change means "back to the initial offset"
   */
  public record PartitionOffset(String topic, int partition, Long nextOffset) {}
}
