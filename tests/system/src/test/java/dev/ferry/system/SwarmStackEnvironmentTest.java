package dev.ferry.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestClusters;
import dev.ferry.testkit.TestDatabase;
import dev.ferry.testkit.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so this starts a node process with exactly the environment that
 * docker/stack.yml gives the ferry service, changing only what a container would provide
 * differently: the service's DNS name points at loopback ({@code localhost} instead of
 * {@code tasks.ferry}, one replica), the task IP is 127.0.0.1, ports are free ones, and the
 * database and target cluster are this machine's. It must form a cluster through Cluster
 * Bootstrap with DNS discovery, pass the stack's health check ({@code /ready}) and serve the API.
 */
class SwarmStackEnvironmentTest {

  @Test
  void nodeWithTheStackEnvironmentBootstrapsThroughDnsAndServesTheApi() throws Exception {
    JsonNode stack = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../../docker/stack.yml").toFile());
    Map<String, String> env = new HashMap<>();
    stack.path("services").path("ferry").path("environment").fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    assertEquals("bootstrap", env.get("FERRY_CLUSTER_JOIN"), "the stack joins through Cluster Bootstrap");
    assertEquals("pekko-dns", env.get("FERRY_DISCOVERY_METHOD"));
    assertEquals("tasks.ferry", env.get("FERRY_SERVICE_NAME"));
    assertTrue(stack.path("services").path("ferry").path("healthcheck").path("test").toString().contains("/ready"),
        "the stack's health check asks the management /ready endpoint");

    String schema = "ferry_swarm_" + Long.toHexString(System.nanoTime());
    env.put("FERRY_SERVICE_NAME", "localhost");
    env.put("FERRY_REQUIRED_CONTACT_POINTS", "1");
    env.put("FERRY_CLUSTER_HOST", "127.0.0.1");
    env.put("FERRY_MANAGEMENT_HOST", "127.0.0.1");
    env.put("FERRY_DB_URL", TestDatabase.URL);
    env.put("FERRY_DB_USER", TestDatabase.USER);
    env.put("FERRY_DB_PASSWORD", "");
    env.put("FERRY_DB_SCHEMA", schema);
    env.put("FERRY_DATA_DIR", TestNodes.newDataDir().toString());
    TestClusters kafka = TestClusters.shared();
    env.put("FERRY_TARGET_BOOTSTRAP_SERVERS", kafka.target().bootstrapServers());

    NodeProcess node = new NodeProcess("swarm-task", TestNodes.freePort(), env, List.of(),
        Path.of("target", "chaos-logs", "swarm-task.log").toAbsolutePath());
    try {
      node.start();
      node.awaitReady(Duration.ofSeconds(120));
      String members = get("http://127.0.0.1:" + node.managementPort() + "/cluster/members");
      assertTrue(members.contains("\"status\":\"Up\""), "an Up member after bootstrap: " + members);
      assertTrue(members.contains("127.0.0.1:" + node.clusterPort()), "the member is this node: " + members);

      ConnectClient api = new ConnectClient(node.restUrl());
      assertEquals(200, api.get("/connectors").status());
      api.create("swarm-check", Map.of(
          "connector.class", "FerryReplicatorSourceConnector",
          "src.kafka.bootstrap.servers", kafka.source().bootstrapServers(),
          "topic.whitelist", "swarm-check-none"));
      assertEquals(200, api.get("/connectors/swarm-check/status").status());
    } finally {
      node.kill();
      TestDatabase.dropSchemas(List.of(schema));
    }
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), url + " answered " + response.body());
    return response.body();
  }
}
