package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a 0.1 flow snapshot {@code State{spec,target,nextOffset,records,bytes,lastSourceTimestamp}}
 * as today's {@code State{flow,revision,target,position,positionMoved,records,bytes,lastSourceTimestamp,finished}}.
 */
public final class FlowStateMigration extends LegacyMigration {

  @Override
  void upgrade(ObjectNode json) {
    JsonNode spec = json.remove("spec");
    if (spec == null || spec.isNull()) {
      json.putNull("flow");
    } else {
      json.set("flow", LegacyJson.unnumberedFlowRef(spec));
    }
    json.put("revision", 0);
    json.set("position", LegacyJson.position(json.remove("nextOffset")));
    json.put("positionMoved", false);
    json.put("finished", false);
  }
}
