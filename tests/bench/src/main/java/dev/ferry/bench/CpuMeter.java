package dev.ferry.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used during one bench round: by this JVM (the contender; the brokers are other processes)
 * and by the whole machine, from /proc/stat. Shows whether a round was CPU-bound.
 */
final class CpuMeter {

  private final long processNanos;
  private final long[] machine;
  private final long wallNanos;

  private CpuMeter(long processNanos, long[] machine, long wallNanos) {
    this.processNanos = processNanos;
    this.machine = machine;
    this.wallNanos = wallNanos;
  }

  static CpuMeter start() {
    return new CpuMeter(processCpu(), machineTicks(), System.nanoTime());
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
