package dev.ferry.localkafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks how the child class path is derived from the current JVM. */
class ChildClasspathTest {

    @TempDir
    Path dir;

    @Test
    void containsThisModuleAndTheKafkaBroker() {
        List<String> entries = Arrays.asList(ChildClasspath.resolve().split(File.pathSeparator));
        assertTrue(entries.stream().anyMatch(e -> e.contains("kafka_2.13-")),
                "child class path should contain the kafka_2.13 jar: " + entries);
        assertTrue(entries.stream().anyMatch(e -> e.endsWith("classes")),
                "child class path should contain this module's classes: " + entries);
    }

    @Test
    void expandsManifestClassPathOfAManifestOnlyJar() throws Exception {
        Path libs = Files.createDirectories(dir.resolve("lib dir"));
        Path absolute = Files.createFile(dir.resolve("absolute.jar"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                "lib%20dir/a.jar " + absolute.toUri() + " classes/");
        Path jar = dir.resolve("booter.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // manifest only
        }
        assertEquals(List.of(libs.resolve("a.jar").toString(), absolute.toString(), dir.resolve("classes").toString()),
                ChildClasspath.manifestClassPath(jar), "relative, encoded and absolute entries should be resolved");
    }

    @Test
    void plainJarHasNothingToExpand() throws Exception {
        Path jar = dir.resolve("plain.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out)) {
            // no manifest
        }
        assertTrue(ChildClasspath.manifestClassPath(jar).isEmpty(), "a jar without Class-Path adds nothing");
        assertTrue(ChildClasspath.manifestClassPath(dir).isEmpty(), "a directory adds nothing");
    }
}
