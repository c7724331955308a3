package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/** Reads 0.1's {@code FlowsAdded{flows:[{taskId,id,targetTopic}]}} with today's flow references. */
public final class FlowsAddedMigration extends JacksonMigration {

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
    out.set("flows", flowRefs(json.path("flows")));
    return out;
  }

  /** 0.1's connector flow list as today's. */
  static ArrayNode flowRefs(JsonNode legacy) {
    ArrayNode flows = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    legacy.forEach(flow -> flows.add(LegacyJson.flowRef(flow)));
    return flows;
  }
}
