package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.connectors.mirror.MirrorSeeds;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seed 001's three MirrorMaker 2 configs, PUT verbatim (addresses changed): accepted; on these
 * one-broker clusters their replication factors of 3 make each connector FAILED with a message
 * naming topic, factor and brokers; with the factors set to 1 they recover and run.
 */
@Timeout(240)
class MirrorSeedConfigsTest extends MirrorTestBase {

  @Test
  void seedConfigsAreAcceptedFailClearlyOnOneBrokerAndRecoverWhenFixed() {
    TopicData.createTopic(source(), "foo.seed1", 3);
    TopicData.createTopic(source(), "foo.seed2", 1);
    TopicData.createTopic(source(), "bar.seed", 1);
    TopicData.produce(source(), "foo.seed1", 3, 0, 300, 200);
    TopicData.produce(source(), "foo.seed2", 1, 0, 300, 200);
    TopicData.produce(source(), "bar.seed", 1, 0, 10, 200);

    Map<String, String> sourceSeed = MirrorSeeds.source(source(), target());
    assertEquals(201, api.put("/connectors/mm2-source-connector/config", sourceSeed).status(),
        "the seed's source config is accepted verbatim");
    awaitFailedNaming("mm2-source-connector", "mm2-offset-syncs.emrdest.internal", "offset-syncs.topic.replication.factor=3");

    sourceSeed.put("offset-syncs.topic.replication.factor", "1");
    assertEquals(200, api.put("/connectors/mm2-source-connector/config", sourceSeed).status(), "first fix");
    awaitFailedNaming("mm2-source-connector", "emrsource.foo.seed", "replication.factor=3");

    sourceSeed.put("replication.factor", "1");
    assertEquals(200, api.put("/connectors/mm2-source-connector/config", sourceSeed).status(), "second fix");
    for (String topic : List.of("foo.seed1", "foo.seed2")) {
      Await.until(Duration.ofSeconds(90), () -> {
        Reconciliation r = Reconciliation.of(TopicData.digest(source(), topic, Duration.ofSeconds(30)),
            TopicData.digest(target(), "emrsource." + topic, Duration.ofSeconds(30)));
        return r.lost() == 0 && r.duplicates() == 0 && r.problems().isEmpty();
      }, () -> topic + " replicated to emrsource." + topic + "; status " + status("mm2-source-connector"));
      assertEquals(TopicData.digest(source(), topic, Duration.ofSeconds(30)).get(0).sha256(),
          TopicData.digest(target(), "emrsource." + topic, Duration.ofSeconds(30)).get(0).sha256(),
          "byte-identical records under DefaultReplicationPolicy");
    }
    assertEquals("RUNNING", api.connectorState("mm2-source-connector"), "recovered: " + status("mm2-source-connector"));
    assertEquals(4, api.get("/connectors/mm2-source-connector/tasks").json().size(), "one task per foo partition");
    assertTrue(!Mm2.topics(target()).contains("emrsource.bar.seed"), "^foo.* does not select bar.seed");

    Map<String, String> checkpointSeed = MirrorSeeds.checkpoint(source(), target());
    assertEquals(201, api.put("/connectors/mm2-checkpoint-connector/config", checkpointSeed).status(),
        "the seed's checkpoint config is accepted verbatim");
    awaitFailedNaming("mm2-checkpoint-connector", "emrsource.checkpoints.internal", "checkpoints.topic.replication.factor=3");
    checkpointSeed.put("checkpoints.topic.replication.factor", "1");
    api.put("/connectors/mm2-checkpoint-connector/config", checkpointSeed);
    Await.until(Duration.ofSeconds(60), () -> Mm2.topics(target()).contains("emrsource.checkpoints.internal")
            && "RUNNING".equals(api.connectorState("mm2-checkpoint-connector")),
        () -> "checkpoints topic on the target; status " + status("mm2-checkpoint-connector"));

    Map<String, String> heartbeatSeed = MirrorSeeds.heartbeat(source(), target());
    assertEquals(201, api.put("/connectors/mm2-heartbeat-connector/config", heartbeatSeed).status(),
        "the seed's heartbeat config is accepted verbatim");
    if (!Mm2.topics(target()).contains("heartbeats")) {
      awaitFailedNaming("mm2-heartbeat-connector", "heartbeats", "heartbeats.topic.replication.factor=3");
    }
    heartbeatSeed.put("heartbeats.topic.replication.factor", "1");
    heartbeatSeed.put("emit.heartbeats.interval.seconds", "1");
    api.put("/connectors/mm2-heartbeat-connector/config", heartbeatSeed);
    Await.until(Duration.ofSeconds(60), () -> Mm2.readAll(target(), new TopicPartition("heartbeats", 0)).stream()
            .map(MirrorSeedConfigsTest::heartbeat)
            .anyMatch(h -> h.sourceClusterAlias().equals("emrsource") && h.targetClusterAlias().equals("emrdest")),
        () -> "an emrsource->emrdest heartbeat on the target, readable by MM2; status " + status("mm2-heartbeat-connector"));
  }

  @Test
  void badInputAnswers400NamingTheKey() {
    Map<String, String> config = Mm2.source("bi1", source(), "bi2", target(), "foo.(*");
    var answer = api.put("/connectors/mm2-bad/config", config);
    assertEquals(400, answer.status(), "invalid regex refused: " + answer);
    assertTrue(answer.body().contains("topics"), "names the key: " + answer);
    config.put("topics", "foo.*");
    config.put("replication.policy.class", "com.example.CustomPolicy");
    answer = api.put("/connectors/mm2-bad/config", config);
    assertEquals(400, answer.status(), "unknown policy refused: " + answer);
    assertTrue(answer.body().contains("replication.policy.class"), "names the key: " + answer);
    config.remove("replication.policy.class");
    config.remove("source.cluster.alias");
    answer = api.put("/connectors/mm2-bad/config", config);
    assertEquals(400, answer.status(), "missing alias refused: " + answer);
    assertTrue(answer.body().contains("source.cluster.alias"), "names the key: " + answer);
    config.put("source.cluster.alias", "bi1");
    config.remove("target.cluster.bootstrap.servers");
    answer = api.put("/connectors/mm2-bad/config", config);
    assertEquals(400, answer.status(), "missing bootstrap refused: " + answer);
    assertTrue(answer.body().contains("target.cluster.bootstrap.servers"), "names the key: " + answer);
    assertEquals(404, api.get("/connectors/mm2-bad").status(), "bad input created nothing");
  }

  private static org.apache.kafka.connect.mirror.Heartbeat heartbeat(ConsumerRecord<byte[], byte[]> record) {
    return org.apache.kafka.connect.mirror.Heartbeat.deserializeRecord(record);
  }

  private static void awaitFailedNaming(String connector, String topic, String factor) {
    Await.until(Duration.ofSeconds(60), () -> {
      var status = api.get("/connectors/" + connector + "/status").json();
      String trace = status.path("connector").path("trace").asText();
      return "FAILED".equals(status.path("connector").path("state").asText())
          && trace.contains(topic) && trace.contains(factor) && trace.contains("only 1 broker(s) available");
    }, () -> connector + " FAILED naming " + topic + ", " + factor + " and the 1 broker: " + status(connector));
  }
}
