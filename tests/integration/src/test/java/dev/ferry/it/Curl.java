package dev.ferry.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code curl} command line tool, the way the seed documents drive Kafka Connect
 * ({@code curl -s -X PUT -H "Content-Type: application/json" --data @file http://host:8083/...}),
 * and reads back the status code and {@code Location} header with curl's own {@code -w}. Nothing
 * of Ferry or of a Java HTTP client is between the test and the node.
 */
final class Curl {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARK = "\n#curl-status ";

  /** One answer as curl printed it. */
  record Reply(List<String> command, int status, String location, String body) {

    /** The body as JSON; fails the test with the command and body when it is not JSON. */
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("`" + String.join(" ", command) + "` answered " + status + " with no JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return String.join(" ", command) + " -> " + status + " " + body;
    }
  }

  private final String baseUrl;

  Curl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@code curl -s URL}. */
  Reply get(String path) {
    return run(List.of(), path);
  }

  /** {@code curl -s -X METHOD URL}, without a body (pause, resume, stop, restart, delete). */
  Reply call(String method, String path) {
    return run(List.of("-X", method), path);
  }

  /** {@code curl -s -X METHOD -H "Content-Type: application/json" --data BODY URL}; {@code @file} sends a file. */
  Reply send(String method, String path, String data) {
    return run(List.of("-X", method, "-H", "Content-Type: application/json", "--data", data), path);
  }

  private Reply run(List<String> options, String path) {
    List<String> command = new ArrayList<>(List.of("curl", "-s", "-S", "--max-time", "30"));
    command.addAll(options);
    command.addAll(List.of("-w", MARK + "%{http_code} %header{location}", baseUrl + path));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("curl did not finish: " + String.join(" ", command));
      }
      String text = new String(out, StandardCharsets.UTF_8);
      int mark = text.lastIndexOf(MARK);
      if (process.exitValue() != 0 || mark < 0) {
        throw new IllegalStateException("curl exited " + process.exitValue() + ": " + String.join(" ", command)
            + "\n" + text);
      }
      String[] trailer = text.substring(mark + MARK.length()).trim().split(" ", 2);
      return new Reply(command, Integer.parseInt(trailer[0]), trailer.length > 1 ? trailer[1].trim() : "",
          text.substring(0, mark));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run curl (is it installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
