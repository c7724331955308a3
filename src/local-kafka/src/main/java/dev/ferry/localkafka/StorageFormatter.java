package dev.ferry.localkafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * Formats a broker's KRaft storage once. The cluster id lives in {@code <dataDir>/cluster.id}, so later starts
 * reuse both id and data. {@code kafka.tools.StorageTool} calls {@code Exit}, so it runs in its own child JVM.
 */
final class StorageFormatter {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(120);

    private StorageFormatter() {
    }

    /** Formats the log directory unless it already holds a {@code meta.properties}; returns the cluster id. */
    static String ensureFormatted(BrokerFiles files, List<String> jvmOptions) {
        String clusterId = clusterId(files);
        if (Files.isRegularFile(files.logDir().resolve("meta.properties"))) {
            return clusterId;
        }
        List<String> args = List.of("format", "-t", clusterId, "-c", files.serverProperties().toString(),
                "--ignore-formatted");
        Process process = ChildJvm.launch(jvmOptions, "kafka.tools.StorageTool", args, files.brokerLog());
        ChildJvm.closeStdin(process);
        if (!ChildJvm.awaitExit(process, FORMAT_TIMEOUT)) {
            ChildJvm.kill(process);
            throw new LocalKafkaException("formatting " + files.logDir() + " took longer than " + FORMAT_TIMEOUT
                    + System.lineSeparator() + LogTail.of(files.brokerLog(), 30));
        }
        if (process.exitValue() != 0) {
            throw new LocalKafkaException("formatting " + files.logDir() + " failed with exit code "
                    + process.exitValue() + System.lineSeparator() + LogTail.of(files.brokerLog(), 30));
        }
        return clusterId;
    }

    /** Reads the cluster id from cluster.id, else from an existing meta.properties, else makes a new one. */
    private static String clusterId(BrokerFiles files) {
        try {
            Path idFile = files.clusterIdFile();
            if (Files.isRegularFile(idFile)) {
                String id = Files.readString(idFile, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = existingClusterId(files.logDir().resolve("meta.properties"));
            if (id == null) {
                id = Uuid.randomUuid().toString();
            }
            Files.createDirectories(files.dataDir());
            Files.writeString(idFile, id + System.lineSeparator(), StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the cluster id in " + files.dataDir(), e);
        }
    }

    private static String existingClusterId(Path metaProperties) throws IOException {
        if (!Files.isRegularFile(metaProperties)) {
            return null;
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            meta.load(in);
        }
        String id = meta.getProperty("cluster.id");
        return id == null || id.isBlank() ? null : id.trim();
    }
}
