package dev.ferry.system;

import dev.ferry.localkafka.ChildJvm;
import dev.ferry.testkit.TestNodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Ferry node as a real operating-system process ({@code dev.ferry.node.Main run}), configured
 * only through environment variables and system properties as an operator would, with fixed
 * loopback ports for its cluster, REST API and management endpoint. It dies with the harness
 * (stdin watchdog). {@link #kill()} is {@code kill -9}; {@link #stop()} is SIGTERM, which runs
 * CoordinatedShutdown (flows drain and hand off).
 */
public final class NodeProcess {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int clusterPort;
  private final int restPort;
  private final int managementPort;
  private final Map<String, String> environment;
  private final List<String> systemProperties;
  private final Path log;
  private Process process;

  NodeProcess(String name, int clusterPort, Map<String, String> environment, List<String> systemProperties, Path log) {
    this.name = name;
    this.clusterPort = clusterPort;
    this.restPort = TestNodes.freePort();
    this.managementPort = TestNodes.freePort();
    this.environment = new java.util.HashMap<>(environment);
    this.environment.put("FERRY_CLUSTER_PORT", Integer.toString(clusterPort));
    this.environment.put("FERRY_REST_PORT", Integer.toString(restPort));
    this.environment.put("FERRY_MANAGEMENT_PORT", Integer.toString(managementPort));
    this.environment.put("FERRY_EXIT_WITH_PARENT", "on");
    this.systemProperties = systemProperties;
    this.log = log;
  }

  /** Starts the process (returns at once; see {@link #awaitReady}). */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    List<String> jvm = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseParallelGC"));
    jvm.addAll(systemProperties);
    appendLog("---- starting " + name);
    process = ChildJvm.launch(jvm, "dev.ferry.node.Main", List.of("run"), log, environment);
  }

  /** Waits until the management {@code /ready} check passes (member Up, sharding answering). */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready()) {
      if (!isRunning()) {
        throw new IllegalStateException(name + " exited during start-up; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
      }
      pause(200);
    }
  }

  /** Whether {@code GET /ready} on the management port answers 200. */
  public boolean ready() {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/ready"))
          .timeout(Duration.ofSeconds(3)).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code kill -9}: no shutdown hook, no drain, no hand-off. */
  public synchronized void kill() {
    appendLog("---- kill -9 " + name);
    ChildJvm.kill(process);
  }

  /** SIGTERM and wait for the exit (CoordinatedShutdown drains and hands off every flow). */
  public synchronized void stop() {
    appendLog("---- SIGTERM " + name);
    if (process != null) {
      ChildJvm.stop(process, Duration.ofSeconds(90));
    }
  }

  /** Whether the process is alive. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Resident memory of the process in MiB (0 when not running). */
  public synchronized long residentMib() {
    if (!isRunning()) {
      return 0;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException gone) {
      // exited between the check and the read
    }
    return 0;
  }

  /** {@code http://127.0.0.1:<rest port>}. */
  public String restUrl() {
    return "http://127.0.0.1:" + restPort;
  }

  /** What the node reports as {@code worker_id}. */
  public String workerId() {
    return "127.0.0.1:" + restPort;
  }

  /** Its Pekko Management port. */
  public int managementPort() {
    return managementPort;
  }

  /** Its cluster (artery) port. */
  public int clusterPort() {
    return clusterPort;
  }

  /** Node name in reports. */
  public String name() {
    return name;
  }

  private void appendLog(String line) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "\n" + java.time.Instant.now() + " " + line + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // the log is a diagnostic aid only
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
