package dev.ferry.connectors.kafka;

import dev.ferry.engine.spi.FlowProgress;
import org.apache.kafka.common.TopicPartition;

/**
 * A batch the target has acknowledged, with the offset every copied record got there: the exact
 * upstream-to-downstream offset mapping of the batch. Skipped records appear in neither array.
 *
 * @param source         the source partition
 * @param sourceOffsets  source offsets of the copied records, ascending
 * @param targetOffsets  target offsets of the same records (same index)
 * @param progress       the flow progress the batch stands for (includes skipped records)
 */
public record AcknowledgedBatch(TopicPartition source, long[] sourceOffsets, long[] targetOffsets,
                                FlowProgress progress) {}
