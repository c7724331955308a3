package dev.ferry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/** Connector configs and request bodies of the tests: the replicator, pointed at no Kafka at all. */
final class Connectors {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Connectors() {}

  /** A connector name no other test uses. */
  static String uniqueName(String prefix) {
    return prefix + "-" + COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid();
  }

  /**
   * A valid replicator config. The source is unreachable on purpose; topics are renamed because
   * the test node's default target is the same address, and replicating a cluster onto itself
   * without a rename is refused.
   */
  static ObjectNode validConfig() {
    ObjectNode config = MAPPER.createObjectNode();
    config.put("connector.class", "EMRReplicatorSourceConnector");
    config.put("src.kafka.bootstrap.servers", "127.0.0.1:1");
    config.put("topic.whitelist", "orders");
    config.put("topic.rename.format", "${topic}.replica");
    return config;
  }

  /** {@code {"name":...,"config":...}}. */
  static String createBody(String name, ObjectNode config) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("name", name);
    body.set("config", config);
    return body.toString();
  }

  /** {@code {"name":...,"config":...,"initial_state":...}}. */
  static String createBody(String name, ObjectNode config, String initialState) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("name", name);
    body.set("config", config);
    body.put("initial_state", initialState);
    return body.toString();
  }
}
