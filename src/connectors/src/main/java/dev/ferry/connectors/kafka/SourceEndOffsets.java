package dev.ferry.connectors.kafka;

import dev.ferry.engine.flow.FlowId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Log end offsets of the source partitions of flows (one per Kafka source partition), for lag. */
public final class SourceEndOffsets {

  private SourceEndOffsets() {}

  /** The end offset of each flow's source partition, as far as the cluster answers. */
  public static CompletionStage<Map<FlowId, Long>> of(Admin sourceAdmin, List<FlowId> flows) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    flows.forEach(f -> request.put(new TopicPartition(f.topic(), f.partition()), OffsetSpec.latest()));
    if (request.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    return sourceAdmin.listOffsets(request).all().toCompletionStage().thenApply(ends -> {
      Map<FlowId, Long> out = new HashMap<>();
      flows.forEach(f -> {
        var info = ends.get(new TopicPartition(f.topic(), f.partition()));
        if (info != null) {
          out.put(f, info.offset());
        }
      });
      return out;
    });
  }
}
