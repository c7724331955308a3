package dev.ferry.localkafka;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Works out the class path for child broker JVMs from the current JVM.
 *
 * <p>Prefers {@code surefire.test.class.path} (Maven Surefire may start tests from a manifest-only booter jar),
 * then {@code java.class.path}. A single jar whose manifest has a {@code Class-Path} is expanded, because such
 * jars are often temporary. Finally the locations of this module and of the Kafka broker classes are added if
 * missing, so the child can always load {@link BrokerMain} and {@code kafka.Kafka}.
 */
final class ChildClasspath {

    private ChildClasspath() {
    }

    /** Returns the class path string for a child JVM, entries separated by {@link File#pathSeparator}. */
    static String resolve() {
        String surefire = System.getProperty("surefire.test.class.path");
        String raw = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "");
        Set<String> entries = new LinkedHashSet<>(split(raw));
        if (entries.size() == 1) {
            entries.addAll(manifestClassPath(Paths.get(entries.iterator().next())));
        }
        addCodeSource(entries, BrokerMain.class);
        addCodeSource(entries, kafka.Kafka.class);
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> split(String classpath) {
        List<String> out = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                out.add(Paths.get(entry).toAbsolutePath().normalize().toString());
            }
        }
        return out;
    }

    /** Expands the {@code Class-Path} manifest attribute of a jar; empty if not a jar or no such attribute. */
    static List<String> manifestClassPath(Path jar) {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
            return out;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (value == null || value.isBlank()) {
                return out;
            }
            URI base = jar.toAbsolutePath().getParent().toUri();
            for (String item : value.trim().split("\\s+")) {
                out.add(Paths.get(base.resolve(item)).normalize().toString());
            }
        } catch (IOException | IllegalArgumentException e) {
            // Not a readable jar, or an odd entry: keep whatever the class path already has.
        }
        return out;
    }

    private static void addCodeSource(Set<String> entries, Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return;
        }
        try {
            entries.add(Paths.get(source.getLocation().toURI()).toAbsolutePath().normalize().toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            // Not a file location (e.g. nested jar): rely on the class path as found.
        }
    }
}
