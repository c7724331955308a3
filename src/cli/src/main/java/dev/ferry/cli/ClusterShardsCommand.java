package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferry cluster shards [--type Flow|Connector]}: the shards the addressed node hosts and how
 * many entities (flows, connectors) each holds. Pekko Management answers for its own node only, so
 * the distribution is seen by asking each node ({@code --management-url}).
 */
@Command(name = "shards", description = "Shards hosted by the node (Connector and Flow entity types) and their"
    + " entity counts; ask each node for the whole distribution.")
final class ClusterShardsCommand extends FerryCommand {

  /** Ferry's sharded entity types (their EntityTypeKey names). */
  static final List<String> TYPES = List.of("Connector", "Flow");

  @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "Only this entity type: Connector or Flow.")
  private String type;

  @Override
  protected void run() {
    List<String> types = type == null ? TYPES : List.of(type);
    ObjectNode answers = Json.MAPPER.createObjectNode();
    for (String region : types) {
      answers.set(region, managementClient().shards(region));
    }
    if (jsonOutput()) {
      printJson(answers);
      return;
    }
    Table table = new Table("TYPE", "SHARD", "ENTITIES");
    StringBuilder summary = new StringBuilder("Node " + managementClient().url() + ":");
    for (String region : types) {
      long shards = 0;
      long entities = 0;
      for (JsonNode shard : answers.path(region).path("regions")) {
        table.row(region, shard.path("shardId").asText(), shard.path("numEntities").asLong());
        shards++;
        entities += shard.path("numEntities").asLong();
      }
      summary.append(' ').append(region).append(' ').append(shards).append(" shard(s), ")
          .append(entities).append(" entities;");
    }
    if (!table.isEmpty()) {
      out().println(table.render());
    }
    out().println(summary.substring(0, summary.length() - 1));
  }
}
