package dev.ferry.cli;

import static dev.ferry.cli.CliRun.ferry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.node.FerryNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.TestNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ferry cluster} against a live three-node cluster in this JVM: node A (management on a free
 * port) and nodes B and C, which join A as their seed. Members and shards are read through A's
 * management endpoint; B leaves and C is downed through it, and the membership shows it.
 */
@Timeout(180)
class ClusterCliTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final List<FerryNode> nodes = new ArrayList<>();
  private static String management;
  private static String addressB;
  private static String addressC;

  @BeforeAll
  static void startCluster() {
    int managementPort = TestNodes.freePort();
    int portA = TestNodes.freePort();
    String unusedTarget = "127.0.0.1:" + TestNodes.freePort();
    nodes.add(TestNodes.start(TestNodes.newDataDir(), unusedTarget, Map.of(
        "ferry.cluster.management", "on",
        "pekko.management.http.port", managementPort,
        "pekko.remote.artery.canonical.port", portA)));
    int portB = TestNodes.freePort();
    int portC = TestNodes.freePort();
    for (int port : List.of(portB, portC)) {
      nodes.add(TestNodes.start(TestNodes.newDataDir(), unusedTarget, Map.of(
          "ferry.cluster.join", "seed-nodes",
          "ferry.cluster.seed-nodes", "127.0.0.1:" + portA,
          "pekko.remote.artery.canonical.port", port)));
    }
    management = "http://127.0.0.1:" + managementPort;
    addressB = "127.0.0.1:" + portB;
    addressC = "127.0.0.1:" + portC;
    awaitMembers(3, "Up");
  }

  @AfterAll
  static void stopCluster() {
    nodes.forEach(node -> node.stop(Duration.ofSeconds(20)));
  }

  @Test
  void membersShowsEveryNodeAndShardsShowsTheNodesEntityTypesThenLeaveAndDownRemoveMembers() {
    CliRun members = ferry("cluster", "members", "--management-url", management);
    assertEquals(ExitCodes.OK, members.exitCode(), "cluster members: " + members);
    assertTrue(members.out().startsWith("ADDRESS"), "a table with a header: " + members);
    assertEquals(3, members.out().lines().filter(line -> line.matches("pekko://\\S+@127\\.0\\.0\\.1:\\d+\\s+Up\\s+yes.*"))
        .count(), "three Up, reachable members: " + members);
    // The leader is the member with the lowest address (random ports here); the oldest is the one that formed it.
    assertTrue(members.out().lines().anyMatch(line -> line.contains("(this node)") && line.contains("oldest")),
        "marks the node asked, which formed the cluster and is the oldest: " + members);
    assertEquals(1, members.out().lines().filter(line -> line.contains("leader")).count(),
        "marks exactly one leader: " + members);

    CliRun shards = ferry("cluster", "shards", "--management-url", management);
    assertEquals(ExitCodes.OK, shards.exitCode(), "cluster shards: " + shards);
    assertTrue(shards.out().lines().anyMatch(line -> line.matches("Node " + management + ": Connector \\d+ shard\\(s\\),"
        + " \\d+ entities; Flow \\d+ shard\\(s\\), \\d+ entities")), "the node's summary per entity type: " + shards);
    JsonNode shardsJson = ferry("cluster", "shards", "-o", "json", "--management-url", management).json();
    assertTrue(shardsJson.path("Flow").has("regions") && shardsJson.path("Connector").has("regions"),
        "-o json: Pekko Management's answer per entity type: " + shardsJson);

    CliRun left = ferry("cluster", "leave", addressB, "--management-url", management);
    assertEquals(ExitCodes.OK, left.exitCode(), "leave by host:port: " + left);
    assertTrue(left.out().contains("Leaving") && left.out().contains(addressB), "Pekko's answer: " + left);

    CliRun downed = ferry("cluster", "down", addressC, "--management-url", management);
    assertEquals(ExitCodes.OK, downed.exitCode(), "down by host:port: " + downed);
    assertTrue(downed.out().contains("Downing") && downed.out().contains(addressC), "Pekko's answer: " + downed);

    awaitMembers(1, "Up");
    JsonNode after = ferry("cluster", "members", "-o", "json", "--management-url", management).json();
    assertFalse(after.toString().contains(addressB) || after.toString().contains(addressC),
        "B and C are no longer members: " + after);
  }

  @Test
  void unknownMemberExits4WithHowToListMembers() {
    String nowhere = "127.0.0.1:" + TestNodes.freePort();
    for (String verb : List.of("leave", "down")) {
      CliRun run = ferry("cluster", verb, nowhere, "--management-url", management);
      assertEquals(ExitCodes.NOT_FOUND, run.exitCode(), verb + " of an address that is no member: " + run);
      assertTrue(run.err().startsWith("no cluster member " + nowhere) && run.err().contains("`ferry cluster members`"),
          "names the address and how to list members: " + run);
    }
  }

  @Test
  void unknownEntityTypeExits4WithPekkosMessage() {
    CliRun run = ferry("cluster", "shards", "--type", "NoSuchType", "--management-url", management);
    assertEquals(ExitCodes.NOT_FOUND, run.exitCode(), "shards of a type that is not sharded: " + run);
    assertTrue(run.err().contains("NoSuchType"), "the management endpoint's message names it: " + run);
  }

  @Test
  void unreachableManagementEndpointExits3AndNamesTheFlag() {
    String nowhere = "http://127.0.0.1:" + TestNodes.freePort();
    CliRun run = ferry("cluster", "members", "--management-url", nowhere);
    assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), "members against a closed port: " + run);
    assertTrue(run.err().startsWith("cannot reach Ferry at " + nowhere), "names the address: " + run);
    assertTrue(run.err().contains("--management-url or FERRY_MANAGEMENT_URL"), "says how to point elsewhere: " + run);
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
  }

  private static void awaitMembers(int count, String status) {
    AtomicReference<CliRun> last = new AtomicReference<>();
    Await.until(PATIENCE, () -> {
      last.set(ferry("cluster", "members", "-o", "json", "--management-url", management));
      if (last.get().exitCode() != ExitCodes.OK) {
        return false;
      }
      JsonNode members = last.get().json().path("members");
      int matching = 0;
      for (JsonNode member : members) {
        if (status.equals(member.path("status").asText())) {
          matching++;
        }
      }
      return members.size() == count && matching == count;
    }, () -> count + " " + status + " members; last run: " + last.get());
  }
}
