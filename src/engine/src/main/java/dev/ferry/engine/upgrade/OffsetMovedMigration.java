package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.flow.FlowEntity;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/** Reads 0.1's {@code OffsetMoved{nextOffset}} (-1: back to the start) as today's {@code PositionMoved{position}}. */
public final class OffsetMovedMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public String transformClassName(int fromVersion, String className) {
    return FlowEntity.PositionMoved.class.getName();
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    ObjectNode out = json.deepCopy();
    out.set("position", LegacyJson.position(out.remove("nextOffset")));
    return out;
  }
}
