package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.StringJoiner;
import picocli.CommandLine.Command;

/** {@code ferry cluster members}: every member with its status, roles and whether it is reachable. */
@Command(name = "members", description = "List cluster members: ADDRESS, STATUS, REACHABLE, ROLES, and which is"
    + " this node, the leader and the oldest.")
final class ClusterMembersCommand extends FerryCommand {

  @Override
  protected void run() {
    JsonNode cluster = managementClient().members();
    if (jsonOutput()) {
      printJson(cluster);
      return;
    }
    Set<String> unreachable = new HashSet<>();
    cluster.path("unreachable").forEach(member -> unreachable.add(member.path("node").asText()));
    Table table = new Table("ADDRESS", "STATUS", "REACHABLE", "ROLES", "");
    for (JsonNode member : cluster.path("members")) {
      String node = member.path("node").asText();
      StringJoiner roles = new StringJoiner(",");
      member.path("roles").forEach(role -> roles.add(role.asText()));
      table.row(node, member.path("status").asText(), unreachable.contains(node) ? "no" : "yes", roles,
          markers(cluster, node));
    }
    out().println(table.render());
  }

  private static String markers(JsonNode cluster, String node) {
    StringJoiner marks = new StringJoiner(" ");
    if (node.equals(cluster.path("selfNode").asText())) {
      marks.add("(this node)");
    }
    if (node.equals(cluster.path("leader").asText())) {
      marks.add("leader");
    }
    if (node.equals(cluster.path("oldest").asText())) {
      marks.add("oldest");
    }
    return marks.toString();
  }
}
