package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Reads 0.1's {@code FlowAssigned{spec{id,targetTopic,connectorConfig},target}} as today's
 * {@code FlowAssigned{flow,revision,target}}. The connector config the 0.1 flow carried is dropped
 * (today only the connector holds it); revision 0 means "the connector's current config", task id
 * -1 "not known yet" (0.1 flows did not know theirs; the connector's next assignment says it).
 */
public final class FlowAssignedMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    if (fromVersion >= 2) {
      return json;
    }
    JsonNode spec = json.path("spec");
    ObjectNode out = json.deepCopy();
    out.remove("spec");
    out.set("flow", LegacyJson.unnumberedFlowRef(spec));
    out.put("revision", 0);
    return out;
  }
}
