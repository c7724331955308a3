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
 * The node's Pekko Management endpoint (for {@code ferry cluster}) is found the same way:
 * {@code --management-url}, {@code FERRY_MANAGEMENT_URL}, {@code management-url=}, else
 * {@value #DEFAULT_MANAGEMENT_URL}. A value without a scheme ({@code host:8083}) means {@code http://}.
 */
public final class NodeAddress {

  /** The address of a node running on this machine with the default REST port. */
  public static final String DEFAULT_URL = "http://127.0.0.1:8083";
  /** The environment variable that names the node when there is no {@code --url}. */
  public static final String URL_VARIABLE = "FERRY_URL";
  /** The key of the config file's node address line. */
  public static final String URL_KEY = "url";
  /** The management endpoint of a node running on this machine with the default management port. */
  public static final String DEFAULT_MANAGEMENT_URL = "http://127.0.0.1:8558";
  /** The environment variable that names the management endpoint when there is no {@code --management-url}. */
  public static final String MANAGEMENT_URL_VARIABLE = "FERRY_MANAGEMENT_URL";
  /** The key of the config file's management address line. */
  public static final String MANAGEMENT_URL_KEY = "management-url";

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
    return resolve(flag, env, URL_VARIABLE, configFile, URL_KEY, DEFAULT_URL);
  }

  /**
   * The management endpoint URL, normalized, in the same order as {@link #resolve}: flag,
   * {@value #MANAGEMENT_URL_VARIABLE}, the config file's {@value #MANAGEMENT_URL_KEY} line, the default.
   *
   * @param flag the {@code --management-url} value, {@code null} when not given
   */
  public static String resolveManagement(String flag, UnaryOperator<String> env, Path configFile) {
    return resolve(flag, env, MANAGEMENT_URL_VARIABLE, configFile, MANAGEMENT_URL_KEY, DEFAULT_MANAGEMENT_URL);
  }

  private static String resolve(String flag, UnaryOperator<String> env, String variableName, Path configFile,
                                String key, String defaultUrl) {
    if (isSet(flag)) {
      return normalize(flag);
    }
    String variable = env.apply(variableName);
    if (isSet(variable)) {
      return normalize(variable);
    }
    String configured = readConfig(configFile).get(key);
    return isSet(configured) ? normalize(configured) : defaultUrl;
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
