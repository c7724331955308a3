package dev.ferry.engine.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * The shape of every 0.1 migration: today's classes are version 2, and JSON written by 0.1
 * (version 1, no version in its manifest) is upgraded by {@link #upgrade} on a copy; JSON of
 * version 2 is read as it is.
 */
abstract class LegacyMigration extends JacksonMigration {

  @Override
  public final int currentVersion() {
    return 2;
  }

  @Override
  public final JsonNode transform(int fromVersion, JsonNode json) {
    if (fromVersion >= 2) {
      return json;
    }
    ObjectNode copy = json.deepCopy();
    upgrade(copy);
    return copy;
  }

  /** Rewrites a 0.1 object in place into today's shape. */
  abstract void upgrade(ObjectNode json);
}
