package dev.ferry.cli;

/**
 * The exit codes of the {@code ferry} command, so scripts can tell failures apart without parsing
 * messages. {@link CliErrors} is the one place that chooses among them.
 */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;
  /** Any failure not listed below, e.g. the node answered 500 or something unexpected broke. */
  public static final int FAILURE = 1;
  /** Bad input: wrong arguments, an unreadable or malformed file, or a config the node refused (400). */
  public static final int BAD_INPUT = 2;
  /** The node could not be reached: connection refused, unknown host or no answer in time. */
  public static final int UNREACHABLE = 3;
  /** The connector (or other resource) does not exist (404). */
  public static final int NOT_FOUND = 4;
  /** The request conflicts with the node's state, e.g. the connector already exists (409). */
  public static final int CONFLICT = 5;
  /** {@code ferry watch --once}: the connector has not caught up yet (some flow has lag, or none runs). */
  public static final int NOT_CAUGHT_UP = 6;

  private ExitCodes() {}
}
