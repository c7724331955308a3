package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TopicData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.mirror.MirrorClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two clusters replicating to each other. With DefaultReplicationPolicy MM2's cycle check keeps
 * remote topics from going back (and heartbeats flow onward as {@code <alias>.heartbeats}); with
 * IdentityReplicationPolicy, where MM2 cannot prevent cycles, Ferry's provenance header does:
 * each record reaches the other side once and never comes back.
 */
@Timeout(240)
class MirrorActiveActiveTest extends MirrorTestBase {

  @Test
  void defaultPolicyNeverReplicatesATopicBackToItsClusterAndHeartbeatsFlowOnward() {
    String a = source();
    String b = target();
    TopicData.createTopic(a, "cyc.a", 2);
    TopicData.createTopic(b, "cyc.b", 2);
    TopicData.produce(a, "cyc.a", 2, 0, 200, 100);
    TopicData.produce(b, "cyc.b", 2, 0, 200, 100);
    api.create("cyc-ab", Mm2.source("ca", a, "cb", b, ".*cyc\\..*"));
    api.create("cyc-ba", Mm2.source("cb", b, "ca", a, ".*cyc\\..*"));
    Map<String, String> heartbeats = Mm2.source("ca", a, "cb", b, ".*cyc\\..*");
    heartbeats.put("connector.class", "MirrorHeartbeat");
    heartbeats.put("heartbeats.topic.replication.factor", "1");
    heartbeats.put("emit.heartbeats.interval.seconds", "1");
    api.create("cyc-heartbeats", heartbeats);

    awaitSame(a, "cyc.a", b, "ca.cyc.a");
    awaitSame(b, "cyc.b", a, "cb.cyc.b");
    Await.until(Duration.ofSeconds(60), () -> Mm2.topics(a).contains("cb.heartbeats")
            && Mm2.readAll(a, new TopicPartition("cb.heartbeats", 0)).stream().anyMatch(MirrorActiveActiveTest::isCaToCb),
        () -> "ca->cb heartbeats written on cb and replicated onward to ca as cb.heartbeats; " + status("cyc-ba"));
    // The end-to-end latency the heartbeats show (emitted on cb, replicated to ca) is in the metrics,
    // under MM2's replication-latency-ms of the remote heartbeats topic.
    Await.until(Duration.ofSeconds(30), () -> heartbeatLatencyMs("cb.heartbeats") >= 0,
        () -> "replication_latency_ms_max of cb.heartbeats in GET /metrics");
    double latency = heartbeatLatencyMs("cb.heartbeats");
    assertTrue(latency < 30_000, "heartbeats arrive within seconds of being emitted: " + latency + " ms");
    try (MirrorClient onA = new MirrorClient(Map.of("bootstrap.servers", a))) {
      assertTrue(onA.upstreamClusters().contains("cb"), "MirrorClient sees cb upstream of ca: " + onA.upstreamClusters());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    // Each connector re-lists topics every second: several rounds must pass without a cycle.
    Await.holdsFor(Duration.ofSeconds(5), () -> noCycle(a, b),
        () -> "no topic came back: A " + Mm2.topics(a) + " B " + Mm2.topics(b));
    assertFalse(Mm2.topics(b).contains("ca.cb.heartbeats"), "heartbeats from cb are not sent back to cb");
  }

  @Test
  void identityPolicyActiveActiveCopiesEachRecordOnceAndNeverBack() {
    String a = source();
    String b = target();
    TopicData.createTopic(a, "ident.orders", 1);
    TopicData.createTopic(b, "ident.orders", 1);
    TopicData.produce(a, "ident.orders", 1, 0, 100, 100);
    TopicData.produce(b, "ident.orders", 1, 1000, 100, 100);
    for (String[] pair : new String[][] {{"ia", a, "ib", b}, {"ib", b, "ia", a}}) {
      Map<String, String> config = Mm2.source(pair[0], pair[1], pair[2], pair[3], "ident\\..*");
      config.put("replication.policy.class", "org.apache.kafka.connect.mirror.IdentityReplicationPolicy");
      api.create("ident-" + pair[0], config);
    }
    for (String cluster : new String[] {a, b}) {
      Await.until(Duration.ofSeconds(90), () -> TopicData.total(TopicData.digest(cluster, "ident.orders",
              Duration.ofSeconds(30))) == 200,
          () -> "both sides hold 100 + 100 records; " + status("ident-ia") + " " + status("ident-ib"));
    }
    Await.holdsFor(Duration.ofSeconds(5), () -> TopicData.total(TopicData.digest(a, "ident.orders", Duration.ofSeconds(30))) == 200
            && TopicData.total(TopicData.digest(b, "ident.orders", Duration.ofSeconds(30))) == 200,
        () -> "no record flows back: A " + TopicData.digest(a, "ident.orders", Duration.ofSeconds(30)).get(0).count()
            + " B " + TopicData.digest(b, "ident.orders", Duration.ofSeconds(30)).get(0).count());
    for (String cluster : new String[] {a, b}) {
      var records = Mm2.readAll(cluster, new TopicPartition("ident.orders", 0));
      assertEquals(200, records.stream().map(Mm2::seq).distinct().count(), "each record exactly once on " + cluster);
      for (ConsumerRecord<byte[], byte[]> r : records) {
        var origin = r.headers().lastHeader("ferry.origin.cluster");
        if (Mm2.seq(r) >= 1000 == cluster.equals(b)) {
          assertTrue(origin == null, "local records keep their headers untouched");
        } else {
          assertEquals(cluster.equals(b) ? "ia" : "ib", new String(origin.value(), StandardCharsets.UTF_8),
              "copies name their cluster of origin");
        }
      }
    }
  }

  private static boolean isCaToCb(ConsumerRecord<byte[], byte[]> record) {
    var heartbeat = org.apache.kafka.connect.mirror.Heartbeat.deserializeRecord(record);
    return heartbeat.sourceClusterAlias().equals("ca") && heartbeat.targetClusterAlias().equals("cb");
  }

  private static boolean noCycle(String a, String b) {
    Set<String> onA = Mm2.topics(a);
    Set<String> onB = Mm2.topics(b);
    return onA.stream().noneMatch(t -> t.startsWith("cb.ca.")) && onB.stream().noneMatch(t -> t.startsWith("ca.cb."));
  }

  /** The newest max of MM2's replication-latency-ms for {@code topic} in GET /metrics, -1 when absent. */
  private static double heartbeatLatencyMs(String topic) {
    String prefix = "kafka_connect_mirror_source_connector_replication_latency_ms_max{";
    String body = api.get("/metrics").body();
    return body.lines()
        .filter(line -> line.startsWith(prefix) && line.contains("topic=\"" + topic + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .max().orElse(-1);
  }

  private static void awaitSame(String from, String topic, String to, String remote) {
    Await.until(Duration.ofSeconds(90), () -> {
      Reconciliation r = Reconciliation.of(TopicData.digest(from, topic, Duration.ofSeconds(30)),
          TopicData.digest(to, remote, Duration.ofSeconds(30)));
      return r.lost() == 0 && r.duplicates() == 0 && r.problems().isEmpty();
    }, () -> topic + " replicated as " + remote);
  }
}
