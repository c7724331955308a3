package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads 0.1's {@code FlowAssigned{spec{id,targetTopic,connectorConfig},target}} as today's
 * {@code FlowAssigned{flow,revision,target}}. The connector config the 0.1 flow carried is dropped
 * (today only the connector holds it); revision 0 means "the connector's current config", task id
 * -1 "not known yet" (0.1 flows did not know theirs; the connector's next assignment says it).
 */
public final class FlowAssignedMigration extends LegacyMigration {

  @Override
  void upgrade(ObjectNode json) {
    JsonNode spec = json.path("spec");
    json.remove("spec");
    json.set("flow", LegacyJson.unnumberedFlowRef(spec));
    json.put("revision", 0);
  }
}
