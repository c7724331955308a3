package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that talks to the node shares: the client, the output and the failure
 * handling. A subclass does its work in {@link #run()} and lets failures propagate; they are
 * reported here through {@link CliErrors}, so no command decides exit codes or prints stack traces.
 */
abstract class FerryCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  private FerryClient client;
  private ManagementClient managementClient;

  /** Does the command's work; throws on failure. */
  protected abstract void run();

  @Override
  public final Integer call() {
    try {
      run();
      return ExitCodes.OK;
    } catch (RuntimeException failure) {
      return CliErrors.report(failure, spec.commandLine().getErr(), root().verbose());
    } finally {
      out().flush();
    }
  }

  /** The client of the node this invocation talks to. */
  protected FerryClient client() {
    if (client == null) {
      client = root().client();
    }
    return client;
  }

  /** The client of the node's management endpoint (for {@code ferry cluster}). */
  protected ManagementClient managementClient() {
    if (managementClient == null) {
      managementClient = root().managementClient();
    }
    return managementClient;
  }

  /** Whether {@code -o json} was asked for. */
  protected boolean jsonOutput() {
    return root().output() == OutputFormat.JSON;
  }

  /** Where answers go (stdout unless redirected). */
  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Prints the node's answer as indented JSON. */
  protected void printJson(JsonNode answer) {
    out().println(Json.pretty(answer));
  }

  /** Prints a sentence for people; nothing under {@code -o json}, which is for scripts. */
  protected void say(String sentence) {
    if (!jsonOutput()) {
      out().println(sentence);
    }
  }

  private FerryCli root() {
    return (FerryCli) spec.root().userObject();
  }
}
