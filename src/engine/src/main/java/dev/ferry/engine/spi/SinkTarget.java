package dev.ferry.engine.spi;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;

/**
 * A sink connector's target for its flows: opens a {@link SinkWriter} per graph run of a flow (one
 * Kafka topic-partition) and, for sinks that keep their offsets in the target itself, reads them
 * back. Made by the sink's plan; shared by the plan's flows on a node, so it may hold pooled
 * resources (a connection pool, an HTTP client) that live as long as the plan.
 */
public interface SinkTarget {

  /**
   * Where {@code partition}'s flow resumes when the target keeps its offsets itself (the JDBC
   * sink's offsets table, written in the same transaction as the rows: the next offset to read);
   * empty to resume from the flow's persisted position. Asked once per start, unless an operator
   * moved the flow's offset through the offsets API (then the operator's offset wins and the
   * writer records it with its next write).
   */
  default CompletionStage<OptionalLong> committedOffset(TopicPartition partition) {
    return CompletableFuture.completedFuture(OptionalLong.empty());
  }

  /** A writer for one run of one flow's graph. */
  SinkWriter open(SinkContext context);
}
