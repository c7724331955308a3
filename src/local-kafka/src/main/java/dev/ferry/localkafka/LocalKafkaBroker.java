package dev.ferry.localkafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one process), running as a child
 * JVM on 127.0.0.1 from the Kafka jars on this JVM's class path.
 *
 * <p>The broker's output goes to {@code <dataDir>/broker.log}. The child dies with this JVM, even if this JVM is
 * killed with SIGKILL (see {@link BrokerMain}); on normal JVM exit a shutdown hook stops it. Storage is formatted
 * on the first start only, so {@link #restart(Duration)} and a new {@link #start(Settings, Duration)} on the same
 * data directory keep the data. Instances are thread-safe.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 30;

    /**
     * Immutable broker settings.
     *
     * @param name           a label for logs and error messages, e.g. {@code "source"}
     * @param dataDir        where the broker keeps everything: Kafka logs, configuration, cluster id, broker.log
     * @param port           client (PLAINTEXT) port on 127.0.0.1; 0 picks a free port at the first start
     * @param controllerPort KRaft controller port on 127.0.0.1; 0 picks a free port at the first start
     * @param maxHeap        the child's {@code -Xmx} value, e.g. {@code "512m"}
     * @param overrides      broker properties applied last, over the defaults
     */
    public record Settings(String name, Path dataDir, int port, int controllerPort, String maxHeap,
                           Map<String, String> overrides) {

        private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

        /**
         * Validates the arguments and copies {@code overrides}.
         *
         * @param name           a label for logs and error messages
         * @param dataDir        the data directory
         * @param port           client port, 0 for a free one
         * @param controllerPort controller port, 0 for a free one
         * @param maxHeap        the child's {@code -Xmx} value
         * @param overrides      broker properties applied last; {@code null} means none
         * @throws IllegalArgumentException if a value is out of range or malformed
         */
        public Settings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(maxHeap, "maxHeap");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            checkPort("port", port);
            checkPort("controllerPort", controllerPort);
            if (port != 0 && port == controllerPort) {
                throw new IllegalArgumentException("port and controllerPort must differ: " + port);
            }
            if (!HEAP.matcher(maxHeap).matches()) {
                throw new IllegalArgumentException("maxHeap must look like 512m or 1g: " + maxHeap);
            }
            overrides = Collections.unmodifiableMap(new TreeMap<>(overrides == null ? Map.of() : overrides));
        }

        /**
         * Settings for a throw-away broker: free ports, 512m heap, no overrides.
         *
         * @param name    a label for logs and error messages
         * @param dataDir the data directory, typically a temporary directory
         * @return the settings
         */
        public static Settings ephemeral(String name, Path dataDir) {
            return new Settings(name, dataDir, 0, 0, "512m", Map.of());
        }

        /**
         * @param port the client port, 0 for a free one
         * @return a copy with that client port
         */
        public Settings withPort(int port) {
            return new Settings(name, dataDir, port, controllerPort, maxHeap, overrides);
        }

        /**
         * @param controllerPort the controller port, 0 for a free one
         * @return a copy with that controller port
         */
        public Settings withControllerPort(int controllerPort) {
            return new Settings(name, dataDir, port, controllerPort, maxHeap, overrides);
        }

        /**
         * @param maxHeap the child's maximum heap, e.g. {@code "1g"}
         * @return a copy with that heap size
         */
        public Settings withMaxHeap(String maxHeap) {
            return new Settings(name, dataDir, port, controllerPort, maxHeap, overrides);
        }

        /**
         * @param overrides broker properties applied over the defaults (replacing any earlier overrides)
         * @return a copy with those overrides
         */
        public Settings withOverrides(Map<String, String> overrides) {
            return new Settings(name, dataDir, port, controllerPort, maxHeap, overrides);
        }

        private static void checkPort(String what, int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException(what + " out of range: " + value);
            }
        }
    }

    private final Settings settings;
    private final BrokerFiles files;
    private final int port;
    private final int controllerPort;
    private Process process;

    private LocalKafkaBroker(Settings settings) {
        int[] free = settings.port() == 0 || settings.controllerPort() == 0 ? FreePorts.pick(2) : new int[2];
        this.settings = settings;
        this.files = new BrokerFiles(settings.dataDir());
        this.port = settings.port() != 0 ? settings.port() : pickOther(free, settings.controllerPort());
        this.controllerPort = settings.controllerPort() != 0 ? settings.controllerPort() : pickOther(free, port);
    }

    private static int pickOther(int[] free, int taken) {
        return free[0] != taken ? free[0] : free[1];
    }

    /**
     * Formats storage if needed, launches the broker and waits until it serves clients.
     *
     * @param settings     the broker settings
     * @param readyTimeout how long to wait for the broker to become ready
     * @return the running broker
     * @throws LocalKafkaException if the broker exits or is not ready in time; the message includes the tail of
     *                             {@code broker.log}
     */
    public static LocalKafkaBroker start(Settings settings, Duration readyTimeout) {
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        LocalKafkaBroker broker = new LocalKafkaBroker(Objects.requireNonNull(settings, "settings"));
        broker.launch(readyTimeout);
        return broker;
    }

    /** @return the bootstrap servers string, {@code "127.0.0.1:<port>"} */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** @return the client port (fixed for the life of this object, across restarts) */
    public int port() {
        return port;
    }

    /** @return the controller port (fixed for the life of this object, across restarts) */
    public int controllerPort() {
        return controllerPort;
    }

    /** @return the settings this broker was started with (ports as given, possibly 0) */
    public Settings settings() {
        return settings;
    }

    /** @return the broker's log file, {@code <dataDir>/broker.log} */
    public Path logFile() {
        return files.brokerLog();
    }

    /** Stops the broker gracefully: SIGTERM, up to 30 seconds for a clean shutdown, then SIGKILL. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            long begin = System.nanoTime();
            ChildJvm.stop(process, STOP_GRACE);
            LOG.info("Stopped Kafka broker '{}' (pid {}) in {} ms", settings.name(), process.pid(),
                    (System.nanoTime() - begin) / 1_000_000);
        }
    }

    /** Kills the broker with SIGKILL, as in a crash, and returns once the process is gone. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            ChildJvm.kill(process);
            LOG.info("Killed Kafka broker '{}' (pid {})", settings.name(), process.pid());
        }
    }

    /**
     * Starts the broker again on the same ports and data directory, typically after {@link #stop()} or
     * {@link #kill()}. If it is still running it is stopped gracefully first.
     *
     * @param readyTimeout how long to wait for the broker to become ready
     * @throws LocalKafkaException if the broker exits or is not ready in time
     */
    public synchronized void restart(Duration readyTimeout) {
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        stop();
        launch(readyTimeout);
    }

    /** @return true while the broker process is alive */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** @return the process id of the current (or, once stopped, the last) broker process */
    public synchronized long pid() {
        return process.pid();
    }

    /** Stops the broker gracefully if it is running. */
    /**
     * Makes the JVM-exit hook wait for {@code stage} (e.g. the Ferry node's termination, so its flows can
     * drain into the brokers) before it stops the brokers; it waits 90 s at most.
     */
    public static void stopOnJvmExitAfter(java.util.concurrent.CompletionStage<?> stage) {
        ChildJvm.stopOnExitAfter(stage);
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void launch(Duration readyTimeout) {
        long begin = System.nanoTime();
        FreePorts.requireFree(port, "client port of broker '" + settings.name() + "'");
        FreePorts.requireFree(controllerPort, "controller port of broker '" + settings.name() + "'");
        files.writeConfig(files.serverConfig(port, controllerPort, settings.overrides()));
        String clusterId = StorageFormatter.ensureFormatted(files, toolJvmOptions());
        process = ChildJvm.launch(brokerJvmOptions(), BrokerMain.class.getName(),
                List.of(files.serverProperties().toString()), files.brokerLog());
        try {
            new ReadinessProbe(process, port, clusterId, readyTimeout).await();
        } catch (ReadinessProbe.NotReady e) {
            ChildJvm.kill(process);
            throw new LocalKafkaException("Kafka broker '" + settings.name() + "' on " + bootstrapServers()
                    + " did not start: " + e.getMessage() + System.lineSeparator()
                    + LogTail.of(files.brokerLog(), LOG_TAIL_LINES));
        }
        LOG.info("Kafka broker '{}' ready on {} (controller port {}, pid {}, data {}) in {} ms", settings.name(),
                bootstrapServers(), controllerPort, process.pid(), files.dataDir(),
                (System.nanoTime() - begin) / 1_000_000);
    }

    private List<String> brokerJvmOptions() {
        return List.of("-Xmx" + settings.maxHeap(), "-Xms64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true", "-Dferry.local-kafka.name=" + settings.name(),
                "-Dkafka.logs.dir=" + files.dataDir(),
                "-Dlogback.configurationFile=" + files.logbackConfig(),
                "-Dlog4j.configuration=" + files.log4jConfig().toUri());
    }

    private List<String> toolJvmOptions() {
        return List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + files.logbackConfig(),
                "-Dlog4j.configuration=" + files.log4jConfig().toUri());
    }
}
