package dev.ferry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.connector.SourceOffsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Kafka Connect's ConnectorOffsets, both ways: {@code {"offsets":[{"partition":{...},"offset":{...}}]}}.
 *
 * <p>Keys are MirrorMaker 2's: a partition is {@code {"cluster":<source cluster>,"topic":<t>,"partition":<p>}}
 * (the cluster is the connector's source alias, or for the replicator its source bootstrap servers)
 * and an offset is {@code {"offset":<n>}}. Unlike MirrorMaker 2, which stores the offset of the last
 * copied record, {@code n} is the <em>next</em> source offset a flow copies: PATCH to {@code n} and the
 * target receives the source records from {@code n} on. A null offset in a PATCH resets that
 * partition to its initial offset.
 */
final class OffsetViews {

  static final String CLUSTER = "cluster";
  static final String TOPIC = "topic";
  static final String PARTITION = "partition";
  static final String OFFSET = "offset";

  private OffsetViews() {}

  /** ConnectorOffsets of a connector's flows. */
  static ObjectNode render(SourceOffsets offsets) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("offsets");
    for (SourceOffsets.PartitionOffset p : offsets.partitions()) {
      ObjectNode entry = list.addObject();
      ObjectNode partition = entry.putObject("partition");
      partition.put(CLUSTER, offsets.sourceCluster());
      partition.put(TOPIC, p.topic());
      partition.put(PARTITION, p.partition());
      entry.putObject("offset").put(OFFSET, p.nextOffset());
    }
    return out;
  }

  /** The changes of a PATCH body; a 400 naming the first problem found. */
  static SourceOffsets parse(String body) {
    JsonNode root = Json.parse(body);
    JsonNode list = root.isObject() ? root.get("offsets") : null;
    if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
      // Kafka Connect's message for a missing or empty list.
      throw ApiErrors.badRequest("Partitions / offsets need to be provided for an alter offsets request");
    }
    if (!list.isArray()) {
      throw ApiErrors.badRequest("\"offsets\" must be a list of {\"partition\":{...},\"offset\":{...}}, but is "
          + Json.describe(list));
    }
    Set<String> clusters = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    List<SourceOffsets.PartitionOffset> changes = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : list) {
      String where = "offsets[" + index++ + "]";
      if (!entry.isObject()) {
        throw ApiErrors.badRequest(where + " must be an object {\"partition\":{...},\"offset\":{...}}, but is "
            + Json.describe(entry));
      }
      JsonNode partition = entry.get("partition");
      if (partition == null || !partition.isObject()) {
        throw ApiErrors.badRequest(where + ".partition must be an object {\"" + CLUSTER + "\",\"" + TOPIC + "\",\""
            + PARTITION + "\"}, but is " + Json.describe(partition));
      }
      onlyKeys(partition, where + ".partition", Set.of(CLUSTER, TOPIC, PARTITION));
      JsonNode cluster = partition.get(CLUSTER);
      if (cluster != null && !cluster.isNull()) {
        if (!cluster.isTextual()) {
          throw ApiErrors.badRequest(where + ".partition.cluster must be a string, but is " + Json.describe(cluster));
        }
        clusters.add(cluster.textValue());
      }
      JsonNode topic = partition.get(TOPIC);
      if (topic == null || !topic.isTextual() || topic.textValue().isBlank()) {
        throw ApiErrors.badRequest(where + ".partition.topic must be a topic name, but is " + Json.describe(topic));
      }
      int number = nonNegative(partition.get(PARTITION), where + ".partition.partition", Integer.MAX_VALUE).intValue();
      if (!seen.add(topic.textValue() + "-" + number)) {
        throw ApiErrors.badRequest(where + " repeats partition " + topic.textValue() + "-" + number);
      }
      changes.add(new SourceOffsets.PartitionOffset(topic.textValue(), number, offset(entry.get("offset"), where)));
    }
    if (clusters.size() > 1) {
      throw ApiErrors.badRequest("The partitions name several source clusters " + clusters
          + ": a connector has one source cluster");
    }
    return new SourceOffsets(clusters.isEmpty() ? null : clusters.iterator().next(), List.copyOf(changes));
  }

  private static Long offset(JsonNode offset, String where) {
    if (offset == null || offset.isNull()) {
      return null; // Connect: a null offset resets the partition
    }
    if (!offset.isObject()) {
      throw ApiErrors.badRequest(where + ".offset must be {\"" + OFFSET + "\":<next offset>} or null, but is "
          + Json.describe(offset));
    }
    onlyKeys(offset, where + ".offset", Set.of(OFFSET));
    return nonNegative(offset.get(OFFSET), where + ".offset.offset", Long.MAX_VALUE);
  }

  private static Long nonNegative(JsonNode node, String where, long max) {
    if (node == null || !node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > max) {
      throw ApiErrors.badRequest(where + " must be a non-negative integer, but is "
          + (node == null ? "missing" : node.toString()));
    }
    return node.asLong();
  }

  private static void onlyKeys(JsonNode object, String where, Set<String> allowed) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw ApiErrors.badRequest(where + " has an unknown key \"" + name + "\"; expected " + allowed.stream().sorted().toList());
      }
    }
  }
}
