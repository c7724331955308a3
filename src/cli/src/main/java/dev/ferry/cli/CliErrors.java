package dev.ferry.cli;

import java.io.PrintWriter;

/**
 * The one place where failures become what the user sees: a message (never a stack trace unless
 * {@code --verbose}) and an exit code from {@link ExitCodes}.
 *
 * <ul>
 *   <li>node unreachable → {@link ExitCodes#UNREACHABLE}, with how to point the CLI elsewhere;</li>
 *   <li>404 → {@link ExitCodes#NOT_FOUND}, naming the connector or cluster member and how to list them;</li>
 *   <li>409 → {@link ExitCodes#CONFLICT}, the node's message and what to do about it;</li>
 *   <li>400 and the CLI's own input checks → {@link ExitCodes#BAD_INPUT}, the message as is (the
 *       node's names the bad key), with how to stop a connector when its offsets were changed while running;</li>
 *   <li>{@code watch --once} before the connector caught up → {@link ExitCodes#NOT_CAUGHT_UP};</li>
 *   <li>anything else → {@link ExitCodes#FAILURE}.</li>
 * </ul>
 */
public final class CliErrors {

  /**
   * What a failure looks like to the user.
   *
   * @param exitCode the process exit code
   * @param message  the line(s) printed to stderr
   */
  public record Failure(int exitCode, String message) {}

  private CliErrors() {}

  /** The message and exit code of a failure. */
  public static Failure describe(Throwable error) {
    if (error instanceof NodeUnreachableException unreachable) {
      return new Failure(ExitCodes.UNREACHABLE, "cannot reach Ferry at " + unreachable.url() + ": "
          + unreachable.reason() + " — is the node running? set " + unreachable.setting());
    }
    if (error instanceof ApiException refused) {
      return describeRefusal(refused);
    }
    if (error instanceof WatchCommand.NotCaughtUpException notYet) {
      return new Failure(ExitCodes.NOT_CAUGHT_UP, notYet.getMessage());
    }
    if (error instanceof UsageException usage) {
      return new Failure(ExitCodes.BAD_INPUT, usage.getMessage());
    }
    return new Failure(ExitCodes.FAILURE, "unexpected error: " + error + " (run with --verbose for details)");
  }

  /** Prints a failure to {@code err} (with its stack trace when {@code verbose}) and returns its exit code. */
  public static int report(Throwable error, PrintWriter err, boolean verbose) {
    Failure failure = describe(error);
    err.println(failure.message());
    if (verbose) {
      error.printStackTrace(err);
    }
    err.flush();
    return failure.exitCode();
  }

  private static Failure describeRefusal(ApiException refused) {
    String connector = refused.connector();
    return switch (refused.status()) {
      case 400 -> new Failure(ExitCodes.BAD_INPUT, refused.serverMessage() + badRequestHint(refused));
      case 404 -> new Failure(ExitCodes.NOT_FOUND, connector != null
          ? "connector " + connector + " not found — list them with `ferry connectors list`"
          : refused.member() != null
          ? "no cluster member " + refused.member() + " (" + refused.serverMessage()
              + ") — list them with `ferry cluster members`"
          : refused.serverMessage());
      case 409 -> new Failure(ExitCodes.CONFLICT, refused.serverMessage() + " — " + conflictHint(refused));
      default -> new Failure(ExitCodes.FAILURE, "Ferry answered HTTP " + refused.status() + ": "
          + refused.serverMessage());
    };
  }

  private static String badRequestHint(ApiException refused) {
    if (refused.connector() != null && refused.serverMessage().contains("must be in the STOPPED state")) {
      return "\n— stop it first with `ferry connectors stop " + refused.connector() + "`, then retry";
    }
    return "";
  }

  private static String conflictHint(ApiException refused) {
    String connector = refused.connector() == null ? "NAME" : refused.connector();
    if (refused.serverMessage().contains("already exists")) {
      return "change its config with `ferry connectors config set " + connector
          + " key=value` or remove it first with `ferry connectors delete " + connector + "`";
    }
    return "it was changed at the same time; check `ferry connectors status " + connector + "` and retry";
  }
}
