package dev.ferry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.persistence.JournalHealth;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The worker-level routes: {@code GET /} (ServerInfo) and {@code GET /health} (WorkerStatus). The
 * health of a node is its cluster membership: healthy once it is an Up member (it can then reach
 * every connector through sharding), starting while it joins, unhealthy once it leaves or is downed;
 * and its journal: an Up member whose journal cannot be written ({@link JournalHealth}) is unhealthy
 * (503) with the reason, until a write succeeds again.
 */
final class ServerRoutes extends AllDirectives {

  /** Version shown in ServerInfo. */
  static final String VERSION = "0.1.0-ferry";
  /** Commit shown in ServerInfo. */
  static final String COMMIT = "ferry";

  private final EngineSettings settings;
  private final ActorSystem<?> system;

  ServerRoutes(EngineSettings settings, ActorSystem<?> system) {
    this.settings = settings;
    this.system = system;
  }

  /** {@code GET /} and {@code GET /health}. */
  Route route() {
    return concat(
        pathEndOrSingleSlash(() -> get(() -> complete(Json.response(StatusCodes.OK, serverInfo())))),
        pathPrefix("health", () -> pathEndOrSingleSlash(() -> get(() -> complete(health())))));
  }

  /** ServerInfo: {@code {"version","commit","kafka_cluster_id"}}; the cluster id is the default target. */
  private ObjectNode serverInfo() {
    ObjectNode info = Json.MAPPER.createObjectNode();
    info.put("version", VERSION);
    info.put("commit", COMMIT);
    String target = settings.defaultTarget();
    info.put("kafka_cluster_id", target == null || target.isBlank() ? null : target);
    return info;
  }

  private HttpResponse health() {
    Cluster cluster = Cluster.get(system.classicSystem());
    MemberStatus status = cluster.selfMember().status();
    ObjectNode body = Json.MAPPER.createObjectNode();
    String journalProblem = JournalHealth.get(system).problem();
    if (journalProblem != null && (status == MemberStatus.up() || status == MemberStatus.weaklyUp())) {
      body.put("status", "unhealthy");
      body.put("message", journalProblem);
      return Json.response(StatusCodes.SERVICE_UNAVAILABLE, body);
    }
    if (status == MemberStatus.up() || status == MemberStatus.weaklyUp()
        || status == MemberStatus.shuttingDown()) {
      body.put("status", "healthy");
      body.put("message", "Worker has completed startup and is ready to handle requests.");
      return Json.response(StatusCodes.OK, body);
    }
    // A node that has not joined yet shows itself as Removed, like one that left.
    if (status == MemberStatus.joining() || (status == MemberStatus.removed() && !cluster.isTerminated())) {
      body.put("status", "starting");
      body.put("message", "Worker is still starting up: it has not joined its cluster yet.");
      return Json.response(StatusCodes.SERVICE_UNAVAILABLE, body);
    }
    body.put("status", "unhealthy");
    body.put("message", "Worker is not a running cluster member (" + status + ").");
    return Json.response(StatusCodes.INTERNAL_SERVER_ERROR, body);
  }
}
