package dev.ferry.engine.connector;

import dev.ferry.engine.spi.OffsetEntry;
import java.util.List;

/**
 * A connector's offsets as Kafka Connect's offsets API shows and changes them
 * ({@code {"offsets":[{"partition":{...},"offset":{...}}]}}): one entry per source partition, in
 * the connector type's shape.
 *
 * @param offsets the entries; in a change, a null offset resets its partition
 */
public record ConnectorOffsets(List<OffsetEntry> offsets) {}
