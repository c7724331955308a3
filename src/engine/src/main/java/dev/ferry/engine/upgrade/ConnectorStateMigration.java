package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a 0.1 connector snapshot {@code State{config,target,flows,nextTaskId,topicsUsed}} with
 * today's flow references; its revision (absent then) reads as 1.
 */
public final class ConnectorStateMigration extends LegacyMigration {

  @Override
  void upgrade(ObjectNode json) {
    json.set("flows", FlowsAddedMigration.flowRefs(json.path("flows")));
    json.put("revision", 0);
  }
}
