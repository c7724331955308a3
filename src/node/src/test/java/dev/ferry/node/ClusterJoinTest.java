package dev.ferry.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterJoinTest {

  private static Config config(String join, String seeds) {
    return ConfigFactory.parseMap(Map.of("ferry.cluster.join", join, "ferry.cluster.seed-nodes", seeds));
  }

  @Test
  void readsEveryMode() {
    assertEquals(ClusterJoin.Mode.SELF, ClusterJoin.from(config("self", "")).mode());
    assertEquals(ClusterJoin.Mode.BOOTSTRAP, ClusterJoin.from(config(" Bootstrap ", "")).mode());
    ClusterJoin seeds = ClusterJoin.from(config("seed-nodes", " 127.0.0.1:25521, node-2:25522 ,"));
    assertEquals(ClusterJoin.Mode.SEED_NODES, seeds.mode());
    assertEquals(List.of("127.0.0.1:25521", "node-2:25522"), seeds.seedNodes());
  }

  @Test
  void unknownModeNamesTheKeyAndTheChoices() {
    var e = assertThrows(IllegalArgumentException.class, () -> ClusterJoin.from(config("dns", "")));
    assertTrue(e.getMessage().contains("FERRY_CLUSTER_JOIN") && e.getMessage().contains("self, seed-nodes or bootstrap"),
        e.getMessage());
  }

  @Test
  void seedWithoutPortIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> ClusterJoin.from(config("seed-nodes", "127.0.0.1")));
    assertTrue(e.getMessage().contains("FERRY_SEED_NODES") && e.getMessage().contains("'127.0.0.1'"), e.getMessage());
  }

  @Test
  void seedNodesModeNeedsSeeds() {
    var e = assertThrows(IllegalArgumentException.class, () -> ClusterJoin.from(config("seed-nodes", " ")));
    assertTrue(e.getMessage().contains("needs ferry.cluster.seed-nodes"), e.getMessage());
  }
}
