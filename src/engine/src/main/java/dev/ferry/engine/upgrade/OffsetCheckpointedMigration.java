package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.flow.FlowEntity;

/** Reads 0.1's {@code OffsetCheckpointed{nextOffset,...}} as today's {@code PositionCheckpointed{position,...}}. */
public final class OffsetCheckpointedMigration extends LegacyMigration {

  @Override
  public String transformClassName(int fromVersion, String className) {
    return FlowEntity.PositionCheckpointed.class.getName();
  }

  @Override
  void upgrade(ObjectNode json) {
    json.set("position", LegacyJson.position(json.remove("nextOffset")));
  }
}
