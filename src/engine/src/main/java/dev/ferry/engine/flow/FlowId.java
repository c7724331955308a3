package dev.ferry.engine.flow;

import dev.ferry.engine.JsonSerializable;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Identity of one flow: a connector's source topic-partition. It is the sharding entity id
 * ({@code <connector>/<topic>/<partition>}, the connector name URL-encoded because Connect allows
 * any character in it) and so also the flow's persistence id.
 *
 * @param connector connector name
 * @param topic     source topic
 * @param partition source partition
 */
public record FlowId(String connector, String topic, int partition) implements JsonSerializable {

  /** The sharding entity id. */
  public String entityId() {
    return URLEncoder.encode(connector, StandardCharsets.UTF_8) + "/" + topic + "/" + partition;
  }

  /** Parses {@link #entityId()}. */
  public static FlowId parse(String entityId) {
    int last = entityId.lastIndexOf('/');
    int first = entityId.indexOf('/');
    if (first < 0 || last <= first) {
      throw new IllegalArgumentException("Not a flow entity id: " + entityId);
    }
    return new FlowId(
        URLDecoder.decode(entityId.substring(0, first), StandardCharsets.UTF_8),
        entityId.substring(first + 1, last),
        Integer.parseInt(entityId.substring(last + 1)));
  }

  @Override
  public String toString() {
    return connector + ":" + topic + "-" + partition;
  }
}
