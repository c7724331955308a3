package dev.ferry.cli;

/** Input the CLI itself refuses before asking the node: a bad argument, file or node address. */
public final class UsageException extends RuntimeException {

  /** An input problem; {@code message} says what is wrong and how to fix it. */
  public UsageException(String message) {
    super(message);
  }

  /** An input problem caused by {@code cause}, e.g. a file that could not be read. */
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
