package dev.ferry.bench;

import dev.ferry.node.FerryNode;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

/**
 * The heap cost of flows: starts a node, measures the live heap, runs one connector with
 * {@code flows} partitions (100 per topic), waits until every flow is RUNNING and has
 * replicated its records, and measures again. Prints {@code flows=<n> heap_per_flow_kb=<x>}.
 */
final class FlowMemory {

  private FlowMemory() {}

  static void measure(String source, String target, int flows) throws Exception {
    int perTopic = Math.min(100, flows);
    int topics = (flows + perTopic - 1) / perTopic;
    for (int t = 0; t < topics; t++) {
      TopicData.createTopic(source, "mem." + t, perTopic);
      TopicData.produce(source, "mem." + t, perTopic, 0, 5, 100);
    }
    FerryNode node = TestNodes.start(TestNodes.newDataDir(), target, Map.of("ferry.discovery.interval", "30s"));
    try {
      ConnectClient api = new ConnectClient(node.restUrl());
      long before = liveHeap();
      long start = System.nanoTime();
      api.create("memory", Map.of("connector.class", "FerryReplicatorSourceConnector",
          "src.kafka.bootstrap.servers", source, "topic.regex", "mem\\..*", "topic.rename.format", "${topic}.copy"));
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (running(api) < topics * perTopic) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("flows did not all start: " + running(api));
        }
        Thread.sleep(200); // polling a counter, not waiting for a fixed time
      }
      double startSeconds = (System.nanoTime() - start) / 1e9;
      long after = liveHeap();
      int n = topics * perTopic;
      System.out.printf("bench flows=%d start_all_s=%.1f heap_before_mb=%.1f heap_after_mb=%.1f heap_per_flow_kb=%.1f%n",
          n, startSeconds, before / 1e6, after / 1e6, (after - before) / 1024.0 / n);
    } finally {
      node.stop(Duration.ofSeconds(120));
    }
  }

  private static int running(ConnectClient api) {
    int count = 0;
    for (var task : api.get("/connectors/memory/status").json().path("tasks")) {
      if ("RUNNING".equals(task.path("state").asText())) {
        count++;
      }
    }
    return count;
  }

  private static long liveHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200); // let the collector finish before reading the heap
    }
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }
}
