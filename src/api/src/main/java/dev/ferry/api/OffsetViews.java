package dev.ferry.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.connector.ConnectorOffsets;
import dev.ferry.engine.spi.OffsetEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka Connect's ConnectorOffsets, both ways: {@code {"offsets":[{"partition":{...},"offset":{...}}]}}.
 * The API checks the shape (a list of objects with a partition object and an offset object or
 * null); what the maps may hold is the connector type's business (its plan answers 400 naming the
 * entry and key it cannot apply). A null offset in a PATCH resets that partition.
 */
final class OffsetViews {

  private OffsetViews() {}

  /** ConnectorOffsets of a connector's flows. */
  static ObjectNode render(ConnectorOffsets offsets) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("offsets");
    for (OffsetEntry entry : offsets.offsets()) {
      ObjectNode node = list.addObject();
      node.set("partition", Json.MAPPER.valueToTree(entry.partition()));
      node.set("offset", Json.MAPPER.valueToTree(entry.offset()));
    }
    return out;
  }

  /** The changes of a PATCH body; a 400 naming the first problem found. */
  static ConnectorOffsets parse(String body) {
    JsonNode root = Json.parse(body);
    JsonNode list = root.isObject() ? root.get("offsets") : null;
    if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
      // Kafka Connect's message for a missing or empty list.
      throw ApiErrors.badRequest("Partitions / offsets need to be provided for an alter offsets request");
    }
    if (!list.isArray()) {
      throw ApiErrors.badRequest("\"offsets\" must be a list of {\"partition\":{...},\"offset\":{...}}, but is "
          + Json.describe(list));
    }
    List<OffsetEntry> entries = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : list) {
      String where = "offsets[" + index++ + "]";
      if (!entry.isObject()) {
        throw ApiErrors.badRequest(where + " must be an object {\"partition\":{...},\"offset\":{...}}, but is "
            + Json.describe(entry));
      }
      JsonNode partition = entry.get("partition");
      if (partition == null || !partition.isObject()) {
        throw ApiErrors.badRequest(where + ".partition must be an object, but is " + Json.describe(partition));
      }
      JsonNode offset = entry.get("offset");
      if (offset != null && !offset.isNull() && !offset.isObject()) {
        throw ApiErrors.badRequest(where + ".offset must be an object or null, but is " + Json.describe(offset));
      }
      entries.add(new OffsetEntry(map(partition), offset == null || offset.isNull() ? null : map(offset)));
    }
    return new ConnectorOffsets(List.copyOf(entries));
  }

  private static Map<String, Object> map(JsonNode object) {
    return Json.MAPPER.convertValue(object, new TypeReference<Map<String, Object>>() { });
  }
}
