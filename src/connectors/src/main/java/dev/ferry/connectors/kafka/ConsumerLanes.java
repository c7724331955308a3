package dev.ferry.connectors.kafka;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.kafka.common.TopicPartition;

/**
 * The shared consumers of one source cluster on a node, as lanes: a flow reading a partition
 * takes the first lane that no other flow reads that partition on. One connector's flows all fit
 * in lane 0; a second connector (or a second flow of any kind) on the same partition gets lane 1,
 * and so on. So any number of flows read the same partition independently, each at its own
 * position and paused on its own, and the node still has one consumer per cluster while no
 * partition is read twice.
 *
 * <p>The price: a partition read by N flows on a node is fetched N times. Sharing one fetch would
 * need the fast reader to wait for the slowest or buffer without bound for it; lanes keep every
 * flow's memory bounded and its progress its own. A lane whose consumer died is dropped; the flows
 * it fed restart and take a lane again.
 */
final class ConsumerLanes {

  /** A flow's claim on one partition of one lane's consumer. */
  record Lease(SharedConsumer consumer, int lane, TopicPartition partition) {}

  private final IntFunction<SharedConsumer> newLane;
  private final List<SharedConsumer> lanes = new ArrayList<>(); // guarded by this
  private final List<Set<TopicPartition>> claimed = new ArrayList<>(); // guarded by this

  /** Lanes whose consumers {@code newLane} creates (given the lane number). */
  ConsumerLanes(IntFunction<SharedConsumer> newLane) {
    this.newLane = newLane;
  }

  /** Claims {@code partition} on the first lane where it is free, creating a lane if none is. */
  synchronized Lease acquire(TopicPartition partition) {
    for (int lane = 0; lane < lanes.size(); lane++) {
      if (!lanes.get(lane).isRunning()) {
        lanes.set(lane, newLane.apply(lane));
        claimed.get(lane).clear();
      }
      if (claimed.get(lane).add(partition)) {
        return new Lease(lanes.get(lane), lane, partition);
      }
    }
    int lane = lanes.size();
    lanes.add(newLane.apply(lane));
    Set<TopicPartition> partitions = new HashSet<>();
    partitions.add(partition);
    claimed.add(partitions);
    return new Lease(lanes.get(lane), lane, partition);
  }

  /** Gives a claim back (the flow's source stage stopped). */
  synchronized void release(Lease lease) {
    if (lease.lane() < lanes.size() && lanes.get(lease.lane()) == lease.consumer()) {
      claimed.get(lease.lane()).remove(lease.partition());
    }
  }

  /** Number of lanes (consumers) right now. */
  synchronized int size() {
    return lanes.size();
  }

  /** Closes every lane's consumer. */
  synchronized void close() {
    lanes.forEach(SharedConsumer::close);
    lanes.clear();
    claimed.clear();
  }
}
