package dev.ferry.search;

import dev.ferry.testkit.TempDirs;
import dev.ferry.testkit.TestNodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Elasticsearch node from Elastic's {@code integ-test-zip} distribution (Maven Central),
 * unpacked into a directory of its own and started with its own {@code bin/elasticsearch} on
 * loopback free ports, single-node, security off. Elasticsearch refuses to run as root, so as root
 * (CI) it runs as {@code nobody} through {@code setpriv}. Versions 9 and later need Java 21: they
 * take {@code /usr/lib/jvm/temurin-25-jdk-amd64} when this JVM is older.
 */
public final class ElasticsearchProcess implements AutoCloseable {

  private static final Path NEWER_JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private final String version;
  private final Path home;
  private final int httpPort = TestNodes.freePort();
  private final int transportPort = TestNodes.freePort();
  private Process process;

  private ElasticsearchProcess(String version, Path home) {
    this.version = version;
    this.home = home;
  }

  /** Whether this machine can run {@code version} (a Java it needs is there). */
  public static boolean runnable(String version) {
    return Integer.parseInt(version.split("\\.")[0]) < 9 || Runtime.version().feature() >= 21
        || Files.isExecutable(NEWER_JDK.resolve("bin/java"));
  }

  /** Unpacks {@code elasticsearch-<version>.zip} from {@code distributions} and starts it. */
  public static ElasticsearchProcess start(Path distributions, String version) {
    Path zip = distributions.resolve("elasticsearch-" + version + ".zip");
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException("no " + zip + ": add the version to tests/search/pom.xml's distributions");
    }
    try {
      Path home = Files.createTempDirectory("ferry-elasticsearch-");
      unzip(zip, home);
      ElasticsearchProcess node = new ElasticsearchProcess(version, home.resolve("elasticsearch-" + version));
      Runtime.getRuntime().addShutdownHook(new Thread(node::close, "ferry-elasticsearch-cleanup"));
      node.launch(home);
      return node;
    } catch (IOException e) {
      throw new IllegalStateException("cannot unpack " + zip + ": " + e, e);
    }
  }

  private void launch(Path root) throws IOException {
    List<String> command = new ArrayList<>();
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    if (asRoot) {
      run("chown", "-R", "65534:65534", root.toString());
      command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
    }
    command.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-Ehttp.port=" + httpPort,
        "-Etransport.port=" + transportPort, "-Enetwork.host=127.0.0.1", "-Ediscovery.type=single-node",
        "-Expack.security.enabled=false", "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("elasticsearch.log").toFile()));
    Path java = Path.of(System.getProperty("java.home"));
    if (Integer.parseInt(version.split("\\.")[0]) >= 9 && Runtime.version().feature() < 21) {
      java = NEWER_JDK;
    }
    builder.environment().put("ES_JAVA_HOME", java.toString());
    builder.environment().put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
    process = builder.start();
    SearchHttp http = new SearchHttp(url());
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    while (!http.answersAnything()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Elasticsearch " + version + " exited during start-up; see "
            + root.resolve("elasticsearch.log"));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Elasticsearch " + version + " did not answer within 6 minutes");
      }
      sleep(250);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** The version it runs. */
  public String version() {
    return version;
  }

  @Override
  public synchronized void close() {
    if (process != null && process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
    TempDirs.deleteRecursively(home.getParent());
  }

  private static void unzip(Path zip, Path into) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("zip entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, target);
        }
        if (entry.getName().contains("/bin/")) {
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
  }

  private static void run(String... command) throws IOException {
    try {
      if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
