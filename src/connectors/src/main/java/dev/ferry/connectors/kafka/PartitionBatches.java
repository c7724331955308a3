package dev.ferry.connectors.kafka;

import dev.ferry.engine.FlowSettings;
import dev.ferry.engine.spi.FlowControl;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One Kafka partition read from an offset through the node's shared consumer, in batches: records
 * join a batch only while the stage after it is busy (no added latency when idle, one downstream
 * call per batch under load), bounded by {@code max-batch-records} and {@code max-batch-bytes}
 * (give or take one poll). The common head of every graph that reads Kafka: replication and sinks.
 */
public final class PartitionBatches {

  private PartitionBatches() {}

  /** Batches of {@code partition} from {@code offset}. */
  public static Source<RecordBatch, FlowControl> of(KafkaClients clients, ClusterClientKey cluster,
                                                    TopicPartition partition, long offset, FlowSettings settings) {
    // Every record also weighs maxBatchBytes/maxBatchRecords, so a batch closes at either bound.
    long perRecordWeight = Math.max(1, settings.maxBatchBytes() / settings.maxBatchRecords());
    return clients.partitionSource(cluster, partition, offset, settings.bufferRecords(), settings.maxBatchRecords())
        .batchWeighted(settings.maxBatchBytes(), polled -> payloadBytes(polled) + perRecordWeight * polled.size(),
            first -> new RecordBatch().add(first), RecordBatch::add);
  }

  /** Key + value bytes of records. */
  public static long payloadBytes(List<ConsumerRecord<byte[], byte[]>> records) {
    long bytes = 0;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      bytes += payloadBytes(record);
    }
    return bytes;
  }

  /** Key + value bytes of one record. */
  public static long payloadBytes(ConsumerRecord<byte[], byte[]> record) {
    return (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
  }
}
