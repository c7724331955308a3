package dev.ferry.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of one broker under its data directory: configuration written before every launch, the Kafka log
 * directory, the cluster id and the broker's own log file.
 */
final class BrokerFiles {

    private final Path dataDir;

    BrokerFiles(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    Path dataDir() {
        return dataDir;
    }

    Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    Path clusterIdFile() {
        return dataDir.resolve("cluster.id");
    }

    Path brokerLog() {
        return dataDir.resolve("broker.log");
    }

    Path logbackConfig() {
        return dataDir.resolve("logback-broker.xml");
    }

    Path log4jConfig() {
        return dataDir.resolve("log4j.properties");
    }

    /** Broker settings for a single-node KRaft cluster (broker and controller in one process); overrides win. */
    Map<String, String> serverConfig(int port, int controllerPort, Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDir().toString());
        config.put("num.partitions", "1");
        config.put("default.replication.factor", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "10");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "10");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        // After a SIGKILL the restarted controller only accepts the broker's new registration once the old
        // session expires (default 9 s); a short session makes crash/restart tests fast. Fine on one node.
        config.put("broker.session.timeout.ms", "4000");
        config.put("broker.heartbeat.interval.ms", "1000");
        // Small-machine settings: few threads, modest buffers and segments.
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "4");
        config.put("background.threads", "4");
        config.put("num.recovery.threads.per.data.dir", "1");
        config.put("num.replica.fetchers", "1");
        config.put("log.cleaner.threads", "1");
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        config.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        config.putAll(overrides);
        return config;
    }

    /** Writes {@code server.properties} and the child's logging configuration (WARN and above to stdout). */
    void writeConfig(Map<String, String> serverConfig) {
        StringBuilder props = new StringBuilder("# Written by ferry-local-kafka before every start; edits are lost.\n");
        serverConfig.forEach((key, value) -> props.append(escape(key)).append('=').append(escape(value)).append('\n'));
        write(serverProperties(), props.toString());
        write(logbackConfig(), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>[%d{ISO8601}] %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        write(log4jConfig(), """
                log4j.rootLogger=WARN, stdout
                log4j.appender.stdout=org.apache.log4j.ConsoleAppender
                log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
                log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
                """);
    }

    private static String escape(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("line breaks are not allowed in broker settings: " + text);
        }
        return text.replace("\\", "\\\\");
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
