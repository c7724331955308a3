package dev.ferry.node;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;

/**
 * How a node becomes a cluster member ({@code ferry.cluster.join}): it joins itself (a one-node
 * cluster), joins configured seed nodes, or runs Pekko Cluster Bootstrap, which finds its peers
 * through discovery (DNS of {@code tasks.<service>} in docker swarm) and lets the lowest address
 * form the cluster once enough contact points answer.
 *
 * @param mode      self, seed-nodes or bootstrap
 * @param seedNodes {@code host:port} cluster addresses for seed-nodes mode
 */
public record ClusterJoin(Mode mode, List<String> seedNodes) {

  /** The join modes. */
  public enum Mode { SELF, SEED_NODES, BOOTSTRAP }

  /** Reads {@code ferry.cluster.join} and {@code ferry.cluster.seed-nodes}; fails naming the key. */
  public static ClusterJoin from(Config config) {
    String value = config.getString("ferry.cluster.join").trim().toLowerCase();
    Mode mode = switch (value) {
      case "self" -> Mode.SELF;
      case "seed-nodes", "seeds" -> Mode.SEED_NODES;
      case "bootstrap" -> Mode.BOOTSTRAP;
      default -> throw new IllegalArgumentException(
          "ferry.cluster.join (FERRY_CLUSTER_JOIN) must be self, seed-nodes or bootstrap, was '" + value + "'");
    };
    List<String> seeds = new ArrayList<>();
    for (String seed : config.getString("ferry.cluster.seed-nodes").split(",")) {
      String trimmed = seed.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.lastIndexOf(':');
      if (colon <= 0 || !trimmed.substring(colon + 1).matches("\\d{1,5}")) {
        throw new IllegalArgumentException("ferry.cluster.seed-nodes (FERRY_SEED_NODES) entries must be host:port, was '"
            + trimmed + "'");
      }
      seeds.add(trimmed);
    }
    if (mode == Mode.SEED_NODES && seeds.isEmpty()) {
      throw new IllegalArgumentException(
          "ferry.cluster.join = seed-nodes needs ferry.cluster.seed-nodes (FERRY_SEED_NODES), e.g. 127.0.0.1:25521,127.0.0.1:25522");
    }
    return new ClusterJoin(mode, List.copyOf(seeds));
  }

  /** Starts joining; membership completes asynchronously (see the management {@code /ready} check). */
  public void start(ActorSystem<?> system) {
    Cluster cluster = Cluster.get(system);
    switch (mode) {
      case SELF -> cluster.manager().tell(Join.create(cluster.selfMember().address()));
      case SEED_NODES -> {
        List<Address> addresses = new ArrayList<>();
        String systemName = system.name();
        for (String seed : seedNodes) {
          int colon = seed.lastIndexOf(':');
          addresses.add(new Address("pekko", systemName, seed.substring(0, colon),
              Integer.parseInt(seed.substring(colon + 1))));
        }
        cluster.manager().tell(new JoinSeedNodes(addresses));
      }
      case BOOTSTRAP -> ClusterBootstrap.get(system).start();
    }
  }
}
