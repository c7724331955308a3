package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads 0.1's {@code FlowsRetired{flows:[FlowId]}} as today's {@code FlowsRetired{keys}}. */
public final class FlowsRetiredMigration extends LegacyMigration {

  @Override
  void upgrade(ObjectNode json) {
    ArrayNode keys = json.putArray("keys");
    JsonNode flows = json.remove("flows");
    if (flows != null) {
      flows.forEach(id -> keys.add(LegacyJson.key(id)));
    }
  }
}
