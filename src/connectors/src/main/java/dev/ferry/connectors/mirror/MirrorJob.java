package dev.ferry.connectors.mirror;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of MM2's periodic jobs ({@code refresh.topics}, {@code emit.checkpoints}, ...) read from its
 * {@code <job>.enabled} and {@code <job>.interval.seconds} keys: empty when disabled (also by a
 * negative interval, as in MM2).
 */
final class MirrorJob {

  private MirrorJob() {}

  static Optional<Duration> parse(Map<String, String> config, String job, boolean enabledDefault, long secondsDefault,
                                  List<String> errors) {
    String enabledKey = job + ".enabled";
    String intervalKey = job + ".interval.seconds";
    Boolean enabled = MirrorConfig.bool(config, enabledKey, enabledDefault, errors);
    String text = config.getOrDefault(intervalKey, Long.toString(secondsDefault)).trim();
    long seconds;
    try {
      seconds = Long.parseLong(text);
    } catch (NumberFormatException e) {
      errors.add("Invalid value " + text + " for configuration " + intervalKey + ": expected a number of seconds");
      return Optional.empty();
    }
    if (enabled == null || !enabled || seconds < 0) {
      return Optional.empty();
    }
    return Optional.of(seconds == 0 ? Duration.ofMillis(100) : Duration.ofSeconds(seconds));
  }
}
