package dev.ferry.engine.spi;

import java.util.Map;

/**
 * One entry of Kafka Connect's offsets API ({@code GET/PATCH /connectors/{name}/offsets}):
 * a source partition and its offset, both as maps in the connector type's shape, e.g.
 * {@code {"kafka_topic":"t","kafka_partition":0}} → {@code {"kafka_offset":42}} for a sink,
 * {@code {"filename":"/tmp/in.txt"}} → {@code {"position":1024}} for a file source.
 *
 * @param partition the source partition
 * @param offset    its offset; null in a PATCH resets the partition to where a new flow starts
 */
public record OffsetEntry(Map<String, Object> partition, Map<String, Object> offset) {}
