package dev.ferry.engine.spi;

import dev.ferry.engine.JsonSerializable;

/**
 * A connector's flow as its Kafka Connect task: the flow's descriptor and the task id it keeps
 * for its whole life (task ids are never reused within a connector).
 *
 * @param taskId Connect task id
 * @param flow   the flow
 */
public record FlowRef(int taskId, FlowDescriptor flow) implements JsonSerializable {

  /** The flow's key. */
  public String key() {
    return flow.key();
  }

  /** One of the flow's attributes, or null. */
  public String attribute(String name) {
    return flow.attribute(name);
  }
}
