package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How version 0.1 wrote a flow, and how it reads today. In 0.1 every flow was a Kafka
 * topic-partition: {@code FlowId{connector,topic,partition}}, a target topic, and a {@code long}
 * next offset (-1 for none). Today a flow is a key plus attributes and its position a map; a Kafka
 * flow's key is {@code <topic>/<partition>} (its 0.1 entity id, so sharding's remembered entities
 * and the persistence ids stay the same), its attributes are {@code topic}, {@code partition} and
 * {@code target.topic}, and its position is {@code {"kafka_offset":<next offset>}}.
 */
final class LegacyJson {

  /** The position key of every flow that reads a Kafka partition. */
  static final String KAFKA_OFFSET = "kafka_offset";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LegacyJson() {}

  /** 0.1's FlowId {@code {"connector","topic","partition"}} as today's flow key. */
  static String key(JsonNode flowId) {
    return flowId.path("topic").asText() + "/" + flowId.path("partition").asInt();
  }

  /** A 0.1 FlowId and target topic as today's FlowDescriptor {@code {"key","attributes"}}. */
  static ObjectNode descriptor(JsonNode flowId, JsonNode targetTopic) {
    ObjectNode flow = NODES.objectNode();
    flow.put("key", key(flowId));
    ObjectNode attributes = flow.putObject("attributes");
    attributes.put("partition", String.valueOf(flowId.path("partition").asInt()));
    if (targetTopic != null && !targetTopic.isNull()) {
      attributes.put("target.topic", targetTopic.asText());
    }
    attributes.put("topic", flowId.path("topic").asText());
    return flow;
  }

  /** A 0.1 connector FlowRef {@code {"taskId","id","targetTopic"}} as today's {@code {"taskId","flow"}}. */
  static ObjectNode flowRef(JsonNode legacy) {
    ObjectNode ref = NODES.objectNode();
    ref.put("taskId", legacy.path("taskId").asInt());
    ref.set("flow", descriptor(legacy.path("id"), legacy.get("targetTopic")));
    return ref;
  }

  /** A 0.1 FlowSpec {@code {"id","targetTopic",...}} as today's FlowRef with task id -1 (unknown). */
  static ObjectNode unnumberedFlowRef(JsonNode spec) {
    ObjectNode ref = NODES.objectNode();
    ref.put("taskId", -1);
    ref.set("flow", descriptor(spec.path("id"), spec.get("targetTopic")));
    return ref;
  }

  /** A 0.1 next offset as today's position: null for -1 (none). */
  static JsonNode position(JsonNode nextOffset) {
    if (nextOffset == null || nextOffset.isNull() || nextOffset.asLong(-1) < 0) {
      return NODES.nullNode();
    }
    return NODES.objectNode().put(KAFKA_OFFSET, nextOffset.asLong());
  }
}
