package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads 0.1's {@code FlowsAdded{flows:[{taskId,id,targetTopic}]}} with today's flow references. */
public final class FlowsAddedMigration extends LegacyMigration {

  @Override
  void upgrade(ObjectNode json) {
    json.set("flows", flowRefs(json.path("flows")));
  }

  /** 0.1's connector flow list as today's. */
  static ArrayNode flowRefs(JsonNode legacy) {
    ArrayNode flows = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    legacy.forEach(flow -> flows.add(LegacyJson.flowRef(flow)));
    return flows;
  }
}
