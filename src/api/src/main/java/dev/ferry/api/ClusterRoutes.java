package dev.ferry.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Ferry's own {@code GET /cluster/members} on the REST port: the cluster's members as this node sees
 * them, in the shape of Pekko Management's {@code /cluster/members} ({@code selfNode}, {@code members}
 * with {@code node}, {@code nodeUid}, {@code status}, {@code roles}, {@code unreachable},
 * {@code leader}, {@code oldest}) plus, per member, {@code reachable} and the
 * {@code worker_id} that {@code /flows} and status name it by. Read-only: leaving and downing stay on
 * the management port. For the web console and scripts that only reach the API.
 */
final class ClusterRoutes extends AllDirectives {

  private final Cluster cluster;
  private final MemberDirectory directory;

  ClusterRoutes(ActorSystem<?> system, String workerId) {
    this.cluster = Cluster.get(system.classicSystem());
    this.directory = MemberDirectory.get(system).register(workerId);
  }

  /** {@code GET /cluster/members}. */
  Route route() {
    return pathPrefix("cluster", () -> pathPrefix("members", () -> pathEndOrSingleSlash(() -> get(() ->
        complete(Json.response(StatusCodes.OK, members()))))));
  }

  private ObjectNode members() {
    ClusterEvent.CurrentClusterState state = cluster.state();
    List<Member> members = StreamSupport.stream(state.getMembers().spliterator(), false)
        .sorted(Comparator.comparing(m -> m.address().toString())).toList();
    List<Member> unreachable = List.copyOf(CollectionConverters.asJava(state.unreachable()));
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("selfNode", cluster.selfAddress().toString());
    ArrayNode list = out.putArray("members");
    for (Member member : members) {
      ObjectNode node = list.addObject();
      node.put("node", member.address().toString());
      node.put("nodeUid", Long.toString(member.uniqueAddress().longUid()));
      node.put("status", member.status().toString());
      ArrayNode roles = node.putArray("roles");
      member.getRoles().stream().sorted().forEach(roles::add);
      node.put("reachable", !unreachable.contains(member));
      node.put("worker_id", directory.workerId(member.address()));
    }
    ArrayNode unreachableOut = out.putArray("unreachable");
    for (Member member : unreachable) {
      ObjectNode node = unreachableOut.addObject();
      node.put("node", member.address().toString());
    }
    out.put("leader", Optional.ofNullable(state.getLeader()).map(Address::toString).orElse(null));
    out.put("oldest", members.stream()
        .filter(m -> m.status() == MemberStatus.up() || m.status() == MemberStatus.leaving())
        .min((a, b) -> a.isOlderThan(b) ? -1 : b.isOlderThan(a) ? 1 : 0)
        .map(m -> m.address().toString()).orElse(null));
    return out;
  }
}
