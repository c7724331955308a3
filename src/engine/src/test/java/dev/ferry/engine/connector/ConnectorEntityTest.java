package dev.ferry.engine.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ferry.engine.EngineSettings;
import dev.ferry.engine.TargetState;
import dev.ferry.engine.flow.FlowEntity;
import dev.ferry.engine.spi.FlowDescriptor;
import dev.ferry.engine.spi.FlowRef;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector entity's events and replies with Pekko's {@link EventSourcedBehaviorTestKit}
 * (in-memory journal, a one-node cluster for the flows it fans out to): revisions count config
 * changes and survive a delete, discoveries add flows under stable task ids and retire vanished
 * ones, a discovery that finds nothing new persists nothing, and the state survives recovery.
 */
class ConnectorEntityTest {

  private static final Config CONFIG = ConfigFactory.parseString("""
      pekko.actor.provider = cluster
      pekko.remote.artery.canonical.port = 0
      pekko.remote.artery.canonical.hostname = 127.0.0.1
      pekko.actor.serialization-bindings { "dev.ferry.engine.JsonSerializable" = jackson-json }
      ferry.discovery.interval = 1h
      """).withFallback(EventSourcedBehaviorTestKit.config()).withFallback(ConfigFactory.load());
  private static final ActorTestKit TESTKIT = ActorTestKit.create(CONFIG);
  private static final EngineSettings SETTINGS = EngineSettings.create(CONFIG);

  @BeforeAll
  static void cluster() {
    Cluster cluster = Cluster.get(TESTKIT.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    ConnectorRegistry.init(TESTKIT.system());
    FlowEntity.init(TESTKIT.system(), SETTINGS);
  }

  @AfterAll
  static void shutdown() {
    TESTKIT.shutdownTestKit();
  }

  private static EventSourcedBehaviorTestKit<ConnectorEntity.Command, ConnectorEntity.Event, ConnectorEntity.State>
      entity(String name) {
    TestProbe<ClusterSharding.ShardCommand> shard = TESTKIT.createTestProbe();
    return EventSourcedBehaviorTestKit.create(TESTKIT.system(),
        ConnectorEntity.create(new EntityContext<>(ConnectorEntity.TYPE_KEY, name, shard.ref()), SETTINGS));
  }

  private static Map<String, String> config(String name, String records) {
    return Map.of("name", name, "connector.class", "dev.ferry.test.FakeSourceConnector", "fake.records", records,
        "fake.discovery", "never");
  }

  private static FlowDescriptor flow(String key, String target) {
    return new FlowDescriptor(key, Map.of("topic", key.split("/")[0], "target.topic", target));
  }

  @Test
  void revisionsCountConfigChangesAndSurviveDeleteAndRecovery() {
    String name = "rev-" + UUID.randomUUID();
    var kit = entity(name);
    var created = kit.<ConnectorEntity.Reply>runCommand(r -> new ConnectorEntity.Create(config(name, "1"),
        TargetState.RUNNING, r));
    assertInstanceOf(ConnectorEntity.ConnectorCreated.class, created.event(), "created");
    assertEquals(1, created.state().revision(), "the first config is revision 1");
    var same = kit.<ConnectorEntity.Reply>runCommand(r -> new ConnectorEntity.PutConfig(config(name, "1"), r));
    assertTrue(same.hasNoEvents(), "the same config again persists nothing");
    var changed = kit.<ConnectorEntity.Reply>runCommand(r -> new ConnectorEntity.PutConfig(config(name, "2"), r));
    assertEquals(2, changed.state().revision(), "a changed config is the next revision");
    var asked = kit.<ConnectorEntity.ConfigReply>runCommand(r -> new ConnectorEntity.GetConfig(1, r));
    assertEquals(new ConnectorEntity.ConfigReply(2, config(name, "2")), asked.reply(),
        "a flow asking for an older revision gets the current config and its revision");

    kit.restart();
    assertEquals(2, kit.getState().revision(), "the revision survives recovery");
    var deleted = kit.<ConnectorEntity.Reply>runCommand(ConnectorEntity.Delete::new);
    assertNull(deleted.state().config(), "deleted");
    var recreated = kit.<ConnectorEntity.Reply>runCommand(r -> new ConnectorEntity.Create(config(name, "1"),
        TargetState.RUNNING, r));
    assertEquals(3, recreated.state().revision(),
        "a re-created connector's first config is a new revision, so no node mistakes it for the old one's");
  }

  @Test
  void discoveriesKeepTaskIdsAddNewFlowsAndRetireVanishedOnes() {
    String name = "disc-" + UUID.randomUUID();
    var kit = entity(name);
    kit.<ConnectorEntity.Reply>runCommand(r -> new ConnectorEntity.Create(config(name, "1"), TargetState.RUNNING, r));
    var first = kit.runCommand(new ConnectorEntity.FlowsDiscovered(List.of(flow("b/0", "b.r"), flow("a/0", "a.r"))));
    assertEquals(List.of(new FlowRef(0, flow("a/0", "a.r")), new FlowRef(1, flow("b/0", "b.r"))), first.state().flows(),
        "task ids in key order");
    assertEquals(List.of("a", "b"), first.state().topicsUsed(), "the flows' topics are the connector's active topics");

    var nothingNew = kit.runCommand(new ConnectorEntity.FlowsDiscovered(List.of(flow("a/0", "a.r"), flow("b/0", "b.r"))));
    assertTrue(nothingNew.hasNoEvents(), "a discovery that finds nothing new persists nothing");

    var changed = kit.runCommand(new ConnectorEntity.FlowsDiscovered(List.of(flow("a/0", "a.renamed"), flow("c/0", "c.r"))));
    assertEquals(List.of(new FlowRef(0, flow("a/0", "a.renamed")), new FlowRef(2, flow("c/0", "c.r"))),
        changed.state().flows(), "a changed flow keeps its task id, a new one gets the next, b is retired");
    assertEquals(3, changed.state().nextTaskId(), "task ids are never reused");

    kit.restart();
    assertEquals(changed.state().flows(), kit.getState().flows(), "flows survive recovery");
  }

  @Test
  void aPausedConnectorIgnoresDiscoveriesAndResumingMarksItsTopicsUsed() {
    String name = "pause-" + UUID.randomUUID();
    var kit = entity(name);
    kit.<ConnectorEntity.Reply>runCommand(r -> new ConnectorEntity.Create(config(name, "1"), TargetState.PAUSED, r));
    var ignored = kit.runCommand(new ConnectorEntity.FlowsDiscovered(List.of(flow("a/0", "a.r"))));
    assertTrue(ignored.hasNoEvents(), "a paused connector does not take discoveries");
    var resumed = kit.<ConnectorEntity.Reply>runCommand(r -> new ConnectorEntity.ChangeTarget(TargetState.RUNNING, r));
    assertInstanceOf(ConnectorEntity.TargetChanged.class, resumed.event(), "resumed");
    var unknown = kit.<ConnectorEntity.Reply>runCommand(r -> new ConnectorEntity.ReplaceConfig(config(name, "9"),
        config(name, "3"), r));
    assertInstanceOf(ConnectorEntity.Reply.Conflict.class, unknown.reply(),
        "a PATCH against a config that is not the current one is a conflict");
  }
}
