package dev.ferry.connectors.mirror;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * MM2's regex lists ({@code topics}, {@code topics.exclude}, {@code groups}, ...): comma-separated
 * regular expressions, each matched against the whole name, joined with {@code |}.
 */
final class RegexList {

  private RegexList() {}

  /** The compiled list, or null after adding an error naming {@code key} to {@code errors}. */
  static Pattern parse(String key, String value, List<String> errors) {
    List<String> parts = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String part : parts) {
      try {
        Pattern.compile(part);
      } catch (PatternSyntaxException e) {
        errors.add("Invalid value " + value.trim() + " for configuration " + key + ": " + part
            + " is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        return null;
      }
    }
    // An empty list matches nothing, as in MM2.
    return parts.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(String.join("|", parts));
  }
}
