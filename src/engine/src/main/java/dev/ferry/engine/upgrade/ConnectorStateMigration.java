package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Reads a 0.1 connector snapshot {@code State{config,target,flows,nextTaskId,topicsUsed}} with
 * today's flow references; its revision (absent then) reads as 1.
 */
public final class ConnectorStateMigration extends JacksonMigration {

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
    out.set("flows", FlowsAddedMigration.flowRefs(json.path("flows")));
    out.put("revision", 0);
    return out;
  }
}
