package dev.ferry.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Which node the CLI talks to: the {@code --url} flag, else the {@code FERRY_URL} environment
 * variable, else the {@code url=} line of {@code ~/.ferry/config}, else {@value #DEFAULT_URL}.
 * A value without a scheme ({@code host:8083}) means {@code http://}.
 */
public final class NodeAddress {

  /** The address of a node running on this machine with the default REST port. */
  public static final String DEFAULT_URL = "http://127.0.0.1:8083";
  /** The environment variable that names the node when there is no {@code --url}. */
  public static final String URL_VARIABLE = "FERRY_URL";
  /** The key of the config file's node address line. */
  public static final String URL_KEY = "url";

  private NodeAddress() {}

  /** The config file of the user running the CLI: {@code ~/.ferry/config}. */
  public static Path userConfigFile() {
    return Path.of(System.getProperty("user.home"), ".ferry", "config");
  }

  /**
   * The node URL, normalized (no trailing slash).
   *
   * @param flag       the {@code --url} value, {@code null} when not given
   * @param env        the environment, e.g. {@code System::getenv}
   * @param configFile the config file to read when neither flag nor variable is set (may be absent)
   */
  public static String resolve(String flag, UnaryOperator<String> env, Path configFile) {
    if (isSet(flag)) {
      return normalize(flag);
    }
    String variable = env.apply(URL_VARIABLE);
    if (isSet(variable)) {
      return normalize(variable);
    }
    String configured = readConfig(configFile).get(URL_KEY);
    return isSet(configured) ? normalize(configured) : DEFAULT_URL;
  }

  /** The {@code key=value} lines of a config file; empty when the file does not exist. */
  public static Map<String, String> readConfig(Path configFile) {
    if (configFile == null || !Files.isRegularFile(configFile)) {
      return Map.of();
    }
    try {
      return parseConfig(Files.readAllLines(configFile));
    } catch (IOException e) {
      throw new UsageException("cannot read " + configFile + ": " + e.getMessage(), e);
    }
  }

  /** {@code key=value} lines; blank lines and lines starting with {@code #} are skipped, a later key wins. */
  public static Map<String, String> parseConfig(List<String> lines) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String line : lines) {
      String trimmed = line.strip();
      int equals = trimmed.indexOf('=');
      if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0) {
        continue;
      }
      entries.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
    }
    return entries;
  }

  /** The URL with a scheme and without a trailing slash; a {@link UsageException} when it is not an http(s) URL. */
  public static String normalize(String url) {
    String candidate = url.strip();
    if (!candidate.contains("://")) {
      candidate = "http://" + candidate;
    }
    while (candidate.endsWith("/")) {
      candidate = candidate.substring(0, candidate.length() - 1);
    }
    try {
      URI uri = new URI(candidate);
      boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (!http || uri.getHost() == null) {
        throw new UsageException("invalid node URL '" + url + "': expected http://host:port, e.g. " + DEFAULT_URL);
      }
    } catch (URISyntaxException e) {
      throw new UsageException("invalid node URL '" + url + "': " + e.getReason() + "; expected http://host:port", e);
    }
    return candidate;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
