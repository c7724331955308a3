package dev.ferry.connectors.kafka;

import dev.ferry.engine.spi.FlowRef;
import dev.ferry.engine.spi.OffsetEntry;
import dev.ferry.engine.spi.Position;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The offsets API of the Kafka-to-Kafka connectors (replicator, MirrorMaker 2), in MirrorMaker 2's
 * keys: a partition is {@code {"cluster":<source cluster>,"topic":<t>,"partition":<p>}} (the
 * cluster is the connector's source alias, or for the replicator its source bootstrap servers)
 * and an offset is {@code {"offset":<n>}}. Unlike MirrorMaker 2, which stores the offset of the last
 * copied record, {@code n} is the <em>next</em> source offset a flow copies: PATCH to {@code n} and
 * the target receives the source records from {@code n} on. A null offset resets the partition.
 */
public final class CopyOffsets {

  static final String CLUSTER = "cluster";
  static final String TOPIC = "topic";
  static final String PARTITION = "partition";
  static final String OFFSET = "offset";

  private CopyOffsets() {}

  /** The entry of one flow. */
  public static List<OffsetEntry> entries(String sourceCluster, FlowRef flow, Position position) {
    Map<String, Object> partition = new LinkedHashMap<>();
    partition.put(CLUSTER, sourceCluster);
    partition.put(TOPIC, flow.attribute(KafkaFlows.TOPIC));
    partition.put(PARTITION, Integer.parseInt(flow.attribute(KafkaFlows.PARTITION)));
    return List.of(new OffsetEntry(partition, Map.of(OFFSET, KafkaFlows.offset(position))));
  }

  /**
   * The flows' new positions from a PATCH's entries.
   *
   * @throws IllegalArgumentException naming the first entry and key that cannot be applied
   */
  public static Map<String, Optional<Position>> positions(String sourceCluster, String connector,
                                                         List<OffsetEntry> entries, List<FlowRef> flows) {
    Map<String, String> keys = new HashMap<>();
    flows.forEach(f -> keys.put(f.attribute(KafkaFlows.TOPIC) + "-" + f.attribute(KafkaFlows.PARTITION), f.key()));
    Set<String> clusters = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    Map<String, Optional<Position>> out = new LinkedHashMap<>();
    List<String> unknown = new java.util.ArrayList<>();
    int index = 0;
    for (OffsetEntry entry : entries) {
      String where = "offsets[" + index++ + "]";
      Map<String, Object> partition = entry.partition();
      onlyKeys(partition, where + ".partition", Set.of(CLUSTER, TOPIC, PARTITION));
      Object cluster = partition.get(CLUSTER);
      if (cluster != null) {
        if (!(cluster instanceof String name)) {
          throw new IllegalArgumentException(where + ".partition.cluster must be a string, but is " + describe(cluster));
        }
        clusters.add(name);
      }
      Object topic = partition.get(TOPIC);
      if (!(topic instanceof String name) || name.isBlank()) {
        throw new IllegalArgumentException(where + ".partition.topic must be a topic name, but is " + describe(topic));
      }
      long number = nonNegative(partition.get(PARTITION), where + ".partition.partition", Integer.MAX_VALUE);
      String tp = name + "-" + number;
      if (!seen.add(tp)) {
        throw new IllegalArgumentException(where + " repeats partition " + tp);
      }
      Optional<Position> position = Optional.empty();
      if (entry.offset() != null) {
        onlyKeys(entry.offset(), where + ".offset", Set.of(OFFSET));
        position = Optional.of(KafkaFlows.position(nonNegative(entry.offset().get(OFFSET), where + ".offset.offset",
            Long.MAX_VALUE)));
      }
      String key = keys.get(tp);
      if (key == null) {
        unknown.add(tp);
      } else {
        out.put(key, position);
      }
    }
    if (clusters.size() > 1) {
      throw new IllegalArgumentException("The partitions name several source clusters " + clusters
          + ": a connector has one source cluster");
    }
    if (!clusters.isEmpty() && !clusters.iterator().next().equals(sourceCluster)) {
      throw new IllegalArgumentException("Partition cluster \"" + clusters.iterator().next() + "\" is not connector "
          + connector + "'s source cluster \"" + sourceCluster + "\"");
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("Connector " + connector + " has no flow for topic-partition(s) " + unknown
          + "; its flows are " + keys.keySet().stream().sorted().toList());
    }
    return out;
  }

  private static long nonNegative(Object value, String where, long max) {
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0
        || ((Number) value).longValue() > max) {
      throw new IllegalArgumentException(where + " must be a non-negative integer, but is "
          + (value == null ? "missing" : describe(value)));
    }
    return ((Number) value).longValue();
  }

  private static void onlyKeys(Map<String, Object> object, String where, Set<String> allowed) {
    for (String name : object.keySet()) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(where + " has an unknown key \"" + name + "\"; expected "
            + allowed.stream().sorted().toList());
      }
    }
  }

  private static String describe(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }
}
