package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the CLI in-process, as a user would type it, with stdout and stderr captured.
 *
 * @param exitCode what the process would exit with
 * @param out      what it printed to stdout
 * @param err      what it printed to stderr
 */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code ferry args...}. */
  static CliRun ferry(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new FerryCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** Stdout as JSON (for {@code -o json} runs). */
  JsonNode json() {
    try {
      return Json.parse(out);
    } catch (JsonProcessingException e) {
      throw new AssertionError("stdout is not JSON: " + this, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}
