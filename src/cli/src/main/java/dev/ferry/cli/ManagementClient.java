package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A node's Pekko Management HTTP endpoint (port 8558 by default): cluster membership and shard
 * regions, one method per call {@code ferry cluster} makes. Its JSON is Pekko Management's own
 * ({@code {"selfNode","leader","oldest","members":[{"node","nodeUid","status","roles"}],"unreachable"}},
 * {@code {"regions":[{"shardId","numEntities"}]}}, {@code {"message"}}).
 */
public final class ManagementClient {

  private final JsonHttp http;

  /**
   * @param baseUrl the management endpoint, e.g. {@code http://127.0.0.1:8558}
   * @param timeout how long to wait for each answer
   */
  public ManagementClient(String baseUrl, Duration timeout) {
    this.http = new JsonHttp(baseUrl, timeout, "--management-url or " + NodeAddress.MANAGEMENT_URL_VARIABLE
        + " (and is the node's management on: ferry.cluster.management)");
  }

  /** The management endpoint's address. */
  public String url() {
    return http.baseUrl();
  }

  /** {@code GET /cluster/members}: the cluster as this node sees it. */
  public JsonNode members() {
    return http.send("GET", "/cluster/members", null, null,
        (status, message) -> ApiException.aboutMember(status, message, null)).orElseThrow();
  }

  /** {@code DELETE /cluster/members/ADDRESS}: the member leaves gracefully; answers {@code {"message"}}. */
  public JsonNode leave(String address) {
    return http.send("DELETE", memberPath(address), null, null,
        (status, message) -> ApiException.aboutMember(status, message, address)).orElseThrow();
  }

  /** {@code PUT /cluster/members/ADDRESS operation=Down}: marks an unreachable member down; answers {@code {"message"}}. */
  public JsonNode down(String address) {
    return http.send("PUT", memberPath(address), "operation=Down", "application/x-www-form-urlencoded",
        (status, message) -> ApiException.aboutMember(status, message, address)).orElseThrow();
  }

  /** {@code GET /cluster/shards/REGION}: this node's shards of an entity type and their entity counts. */
  public JsonNode shards(String region) {
    return http.send("GET", "/cluster/shards/" + encode(region), null, null,
        (status, message) -> ApiException.aboutMember(status, message, null)).orElseThrow();
  }

  private static String memberPath(String address) {
    return "/cluster/members/" + encode(address);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
