package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Reads a 0.1 flow snapshot {@code State{spec,target,nextOffset,records,bytes,lastSourceTimestamp}}
 * as today's {@code State{flow,revision,target,position,positionMoved,records,bytes,lastSourceTimestamp,finished}}.
 */
public final class FlowStateMigration extends JacksonMigration {

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
    JsonNode spec = out.remove("spec");
    if (spec == null || spec.isNull()) {
      out.putNull("flow");
    } else {
      out.set("flow", LegacyJson.unnumberedFlowRef(spec));
    }
    out.put("revision", 0);
    out.set("position", LegacyJson.position(out.remove("nextOffset")));
    out.put("positionMoved", false);
    out.put("finished", false);
    return out;
  }
}
