package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster member as the user names it: its full address ({@code pekko://ferry@10.0.0.5:25520}),
 * or a shorter unique part of it ({@code ferry@10.0.0.5:25520}, {@code 10.0.0.5:25520}) that is
 * matched against the members the node knows.
 */
final class MemberAddress {

  private MemberAddress() {}

  /** The full address of the one member {@code given} names; a 404 about the member when none, bad input when several. */
  static String resolve(String given, ManagementClient management) {
    String wanted = given.strip();
    List<String> matches = new ArrayList<>();
    for (JsonNode member : management.members().path("members")) {
      String node = member.path("node").asText();
      if (node.equals(wanted)) {
        return node;
      }
      if (node.endsWith("@" + wanted) || node.endsWith("/" + wanted) || node.endsWith("://" + wanted)) {
        matches.add(node);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw ApiException.aboutMember(404, "the cluster has no member with that address", given);
    }
    throw new UsageException(given + " matches several members: " + String.join(", ", matches)
        + "; give the full address");
  }
}
