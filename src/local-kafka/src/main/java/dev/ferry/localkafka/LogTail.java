package dev.ferry.localkafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/** Reads the last lines of a (possibly large, possibly growing) log file for error messages. */
final class LogTail {

    private LogTail() {
    }

    /** Returns the last {@code lines} lines of {@code file}, or a short note if it cannot be read. */
    static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log file at " + file + ")";
        }
        Deque<String> tail = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
        return "--- last " + tail.size() + " lines of " + file + " ---" + System.lineSeparator()
                + String.join(System.lineSeparator(), tail);
    }
}
