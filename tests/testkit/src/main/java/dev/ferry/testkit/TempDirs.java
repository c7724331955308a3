package dev.ferry.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the temporary directories tests and benchmarks leave behind (broker data, journals). */
public final class TempDirs {

  private TempDirs() {}

  /** Deletes {@code dir} and everything below it; problems are printed, not thrown (cleanup only). */
  public static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
