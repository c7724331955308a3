package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.flow.FlowEntity;

/** Reads 0.1's {@code OffsetMoved{nextOffset}} (-1: back to the start) as today's {@code PositionMoved{position}}. */
public final class OffsetMovedMigration extends LegacyMigration {

  @Override
  public String transformClassName(int fromVersion, String className) {
    return FlowEntity.PositionMoved.class.getName();
  }

  @Override
  void upgrade(ObjectNode json) {
    json.set("position", LegacyJson.position(json.remove("nextOffset")));
  }
}
