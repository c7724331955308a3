package dev.ferry.it;

/**
 * Base of the MirrorMaker 2 integration tests: like {@link OneNodeTestBase}, but the node's own
 * discovery interval is 10 minutes, so everything periodic a test sees comes from the connector's
 * MM2 keys ({@code refresh.topics.interval.seconds} ...). Each test class uses its own cluster
 * aliases and topic names on the JVM's shared clusters.
 */
@OneNodeTestBase.NodeSettings("ferry.discovery.interval=10m")
abstract class MirrorTestBase extends OneNodeTestBase {

  /** The connector's status JSON, for assertion messages. */
  protected static String status(String connector) {
    return api.get("/connectors/" + connector + "/status").body();
  }
}
