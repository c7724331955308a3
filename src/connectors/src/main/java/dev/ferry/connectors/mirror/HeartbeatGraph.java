package dev.ferry.connectors.mirror;

import dev.ferry.engine.spi.FlowControl;
import dev.ferry.engine.spi.FlowProgress;
import dev.ferry.engine.spi.Position;
import dev.ferry.connectors.kafka.KafkaClients;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pekko.kafka.ProducerMessage;
import org.apache.pekko.kafka.javadsl.Producer;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The flow of a MirrorHeartbeatConnector: every {@code emit.heartbeats.interval.seconds} it writes
 * a {@link Heartbeat} (source alias, target alias, now) to the target's {@code heartbeats} topic
 * through the node's pooled producer. Source connectors replicate that topic onward as
 * {@code <alias>.heartbeats}, so each hop's time lag shows replication latency end to end. Its
 * progress counts heartbeats acknowledged.
 */
final class HeartbeatGraph extends PeriodicMirrorGraph {

  HeartbeatGraph(KafkaClients clients, MirrorConfig config) {
    super(clients, config);
  }

  @Override
  public Source<FlowProgress, FlowControl> from(Position position) {
    long offset = count(position);
    Duration interval = config.emitHeartbeats().orElse(Duration.ofSeconds(1));
    String topic = ReplicationPolicy.HEARTBEATS_TOPIC;
    return Source.tick(Duration.ZERO, interval, Boolean.TRUE)
        .viaMat(KillSwitches.single(), Keep.right())
        .mapMaterializedValue(killSwitch -> (FlowControl) killSwitch::shutdown)
        .zipWithIndex()
        .map(tick -> {
          long now = System.currentTimeMillis();
          Heartbeat heartbeat = new Heartbeat(config.sourceAlias(), config.targetAlias(), now);
          byte[] value = heartbeat.value();
          return ProducerMessage.single(new ProducerRecord<>(topic, 0, now, heartbeat.key(), value),
              new FlowProgress(Position.of(COUNT, offset + tick.second() + 1), 1, value.length, now));
        })
        .via(Producer.flexiFlow(clients.producer(config.clusters().targetProducer())))
        .map(result -> result.passThrough());
  }
}
