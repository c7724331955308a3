package dev.ferry.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU used during one bench round: by this JVM (the contender; the brokers are other processes)
 * and by the whole machine, from /proc/stat. Shows whether a round was CPU-bound, and where the
 * JVM's CPU went: per thread group (digits in thread names folded), the rest being GC and JIT.
 */
final class CpuMeter {

  private final long processNanos;
  private final long[] machine;
  private final long wallNanos;
  private final Map<Long, Long> threadNanos;
  private final long[] gc;
  private final long jitMillis;

  private CpuMeter(long processNanos, long[] machine, long wallNanos, Map<Long, Long> threadNanos, long[] gc,
                   long jitMillis) {
    this.processNanos = processNanos;
    this.machine = machine;
    this.wallNanos = wallNanos;
    this.threadNanos = threadNanos;
    this.gc = gc;
    this.jitMillis = jitMillis;
  }

  static CpuMeter start() {
    return new CpuMeter(processCpu(), machineTicks(), System.nanoTime(), threadCpu(), gcTotals(), jitMillis());
  }

  /** {@code gc_count=<n> gc_s=<x> jit_s=<y>} since {@link #start()} (GC pause time is wall time of all GC threads' work). */
  String gcAndJit() {
    long[] now = gcTotals();
    return String.format("gc_count=%d gc_s=%.2f jit_s=%.2f", now[0] - gc[0], (now[1] - gc[1]) / 1e3,
        (jitMillis() - jitMillis) / 1e3);
  }

  private static long[] gcTotals() {
    long count = 0;
    long millis = 0;
    for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, collector.getCollectionCount());
      millis += Math.max(0, collector.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  private static long jitMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  /** CPU seconds per thread group since {@link #start()}, largest first; "gc+jit+other" is the remainder. */
  String byThreadGroup() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Double> groups = new TreeMap<>();
    double accounted = 0;
    for (Map.Entry<Long, Long> now : threadCpu().entrySet()) {
      ThreadInfo info = threads.getThreadInfo(now.getKey());
      if (info == null) {
        continue;
      }
      double seconds = (now.getValue() - threadNanos.getOrDefault(now.getKey(), 0L)) / 1e9;
      accounted += seconds;
      groups.merge(info.getThreadName().replaceAll("\\d+", "N").replaceAll("\\s+", ""), seconds, Double::sum);
    }
    groups.put("gc+jit+other", Math.max(0, (processCpu() - processNanos) / 1e9 - accounted));
    StringBuilder line = new StringBuilder();
    groups.entrySet().stream().filter(e -> e.getValue() >= 0.05)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> line.append(String.format(" %s=%.2f", e.getKey(), e.getValue())));
    return "cpu_s_by_thread:" + line;
  }

  private static Map<Long, Long> threadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long nanos = threads.getThreadCpuTime(id);
      if (nanos >= 0) {
        cpu.put(id, nanos);
      }
    }
    return cpu;
  }

  /** {@code jvm_cpu_s=<x> machine_busy=<y>%} since {@link #start()}. */
  String stop() {
    double jvm = (processCpu() - processNanos) / 1e9;
    long[] now = machineTicks();
    long busy = (now[0] - machine[0]);
    long total = (now[1] - machine[1]);
    double wall = (System.nanoTime() - wallNanos) / 1e9;
    return String.format("jvm_cpu_s=%.1f (%.0f%% of one core) machine_busy=%.0f%%",
        jvm, 100 * jvm / wall, total == 0 ? 0 : 100.0 * busy / total);
  }

  private static long processCpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** {busy, total} jiffies of all cores. */
  private static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
