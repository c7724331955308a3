package dev.ferry.connectors.mirror;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One checkpoint pass: lists the source cluster's consumer groups that {@code groups} /
 * {@code groups.exclude} select, reads their committed offsets on replicated topics and translates
 * each through the offset indexes into a {@link Checkpoint} for the remote partition.
 */
final class CheckpointRound {

  private CheckpointRound() {}

  /** Every translatable checkpoint of the selected groups, now. */
  static CompletionStage<List<Checkpoint>> run(Admin source, MirrorConfig config, MirrorTopicFilter topics,
                                               Map<TopicPartition, OffsetIndex> indexes) {
    return source.listConsumerGroups().all().toCompletionStage().thenCompose(listings -> {
      List<String> groups = listings.stream().map(ConsumerGroupListing::groupId).filter(config::selectsGroup)
          .sorted().toList();
      Map<String, CompletableFuture<Map<TopicPartition, OffsetAndMetadata>>> offsets = new HashMap<>();
      for (String group : groups) {
        offsets.put(group, source.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
            .toCompletionStage().toCompletableFuture());
      }
      return CompletableFuture.allOf(offsets.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
        List<Checkpoint> out = new ArrayList<>();
        for (String group : groups) {
          offsets.get(group).join().forEach((tp, committed) -> {
            if (committed == null || !topics.test(tp.topic())) {
              return;
            }
            OffsetIndex index = indexes.get(tp);
            OptionalLong downstream = index == null ? OptionalLong.empty() : index.translate(committed.offset());
            if (downstream.isPresent()) {
              out.add(new Checkpoint(group, config.policy().formatRemoteTopic(config.sourceAlias(), tp.topic()),
                  tp.partition(), committed.offset(), downstream.getAsLong(), committed.metadata()));
            }
          });
        }
        return out;
      });
    });
  }
}
