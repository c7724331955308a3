package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/** Reads 0.1's {@code FlowsRetired{flows:[FlowId]}} as today's {@code FlowsRetired{keys}}. */
public final class FlowsRetiredMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    if (fromVersion >= 2) {
      return json;
    }
    ObjectNode out = json.deepCopy();
    ArrayNode keys = out.putArray("keys");
    JsonNode flows = out.remove("flows");
    if (flows != null) {
      flows.forEach(id -> keys.add(LegacyJson.key(id)));
    }
    return out;
  }
}
