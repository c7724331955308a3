package dev.ferry.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** How commands print answers: aligned tables for people, or the node's JSON for scripts. */
public enum OutputFormat {
  /** Human-readable aligned tables and sentences (the default). */
  TABLE,
  /** The JSON the node answered, indented; nothing for answers without a body. */
  JSON;

  /** Parses {@code -o table|json} in any letter case. */
  public static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not an output format; expected one of "
            + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
      }
    }
  }
}
