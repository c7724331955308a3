package dev.ferry.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code key=value} arguments: split at the first {@code =}, so values may contain {@code =}. */
final class ConfigAssignments {

  private ConfigAssignments() {}

  /** The assignments in order (a later one for the same key wins); a {@link UsageException} names a malformed one. */
  static Map<String, String> parse(List<String> arguments) {
    Map<String, String> assignments = new LinkedHashMap<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      if (equals <= 0 || argument.substring(0, equals).isBlank()) {
        throw new UsageException("expected key=value, but got '" + argument + "'");
      }
      assignments.put(argument.substring(0, equals).strip(), argument.substring(equals + 1));
    }
    return assignments;
  }
}
