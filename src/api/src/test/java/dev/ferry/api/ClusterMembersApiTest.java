package dev.ferry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /cluster/members} on the REST port: Pekko Management's shape plus each member's worker id. */
@ExtendWith(TestNode.class)
class ClusterMembersApiTest {

  private final ApiClient api;

  ClusterMembersApiTest(ApiClient api) {
    this.api = api;
  }

  @Test
  void listsTheOneUpMemberAsSelfLeaderAndOldestWithItsWorkerId() {
    ApiClient.Reply reply = api.get("/cluster/members");
    assertEquals(200, reply.status(), "GET /cluster/members answers: " + reply);
    JsonNode body = reply.json();
    String self = body.path("selfNode").asText();
    assertTrue(self.startsWith("pekko://"), "selfNode is a Pekko address: " + body);
    assertEquals(1, body.path("members").size(), "one member: " + body);
    JsonNode member = body.path("members").get(0);
    assertEquals(self, member.path("node").asText(), "the member is this node: " + body);
    assertEquals("Up", member.path("status").asText(), "status: " + body);
    assertTrue(member.path("reachable").asBoolean(false), "reachable: " + body);
    assertTrue(member.path("nodeUid").asText().matches("-?\\d+"), "nodeUid: " + body);
    assertTrue(member.path("roles").isArray(), "roles: " + body);
    assertTrue(member.path("worker_id").asText().matches("127\\.0\\.0\\.1:\\d+"), "worker id host:rest-port: " + body);
    assertEquals(self, body.path("leader").asText(), "leader: " + body);
    assertEquals(self, body.path("oldest").asText(), "oldest: " + body);
    assertEquals(0, body.path("unreachable").size(), "nobody unreachable: " + body);
  }

  @Test
  void isReadOnly() {
    ServerApiTest.assertErrorBody(api.delete("/cluster/members"), 405);
  }
}
