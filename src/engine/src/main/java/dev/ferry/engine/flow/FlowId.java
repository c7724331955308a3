package dev.ferry.engine.flow;

import dev.ferry.engine.JsonSerializable;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Identity of one flow: its connector and the key its connector type gave it (for a Kafka
 * topic-partition {@code <topic>/<partition>}). It is the sharding entity id
 * ({@code <connector>/<key>}, the connector name URL-encoded because Connect allows any character
 * in it) and so also the flow's persistence id: {@code Flow|orders-copy/orders/3}.
 *
 * @param connector connector name
 * @param key       the flow's key within its connector
 */
public record FlowId(String connector, String key) implements JsonSerializable {

  /** The sharding entity id. */
  public String entityId() {
    return URLEncoder.encode(connector, StandardCharsets.UTF_8) + "/" + key;
  }

  /** Parses {@link #entityId()}. */
  public static FlowId parse(String entityId) {
    int first = entityId.indexOf('/');
    if (first <= 0 || first == entityId.length() - 1) {
      throw new IllegalArgumentException("Not a flow entity id: " + entityId);
    }
    return new FlowId(URLDecoder.decode(entityId.substring(0, first), StandardCharsets.UTF_8),
        entityId.substring(first + 1));
  }

  @Override
  public String toString() {
    return connector + ":" + key;
  }
}
