package dev.ferry.connectors.kafka;

import dev.ferry.engine.spi.FlowRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Log end offsets of the partitions flows read ({@link KafkaFlows}), by flow key, for lag. */
public final class SourceEndOffsets {

  private SourceEndOffsets() {}

  /** The end offset of each flow's partition, as far as the cluster answers. */
  public static CompletionStage<Map<String, Long>> of(Admin sourceAdmin, List<FlowRef> flows) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    flows.forEach(f -> request.put(KafkaFlows.partition(f), OffsetSpec.latest()));
    if (request.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    return sourceAdmin.listOffsets(request).all().toCompletionStage().thenApply(ends -> {
      Map<String, Long> out = new HashMap<>();
      flows.forEach(f -> {
        var info = ends.get(KafkaFlows.partition(f));
        if (info != null) {
          out.put(f.key(), info.offset());
        }
      });
      return out;
    });
  }
}
