package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Each kind of failure gets its exit code and a message that says what to do. */
class CliErrorsTest {

  @Test
  void unreachableNodeExits3AndSaysHowToPointElsewhere() {
    CliErrors.Failure failure = CliErrors.describe(
        new NodeUnreachableException("http://10.0.0.1:8083", "connection refused", new ConnectException()));

    assertEquals(ExitCodes.UNREACHABLE, failure.exitCode(), "unreachable exit code");
    assertEquals("cannot reach Ferry at http://10.0.0.1:8083: connection refused — is the node running? "
        + "set --url or FERRY_URL", failure.message(), "message");
  }

  @Test
  void notFoundConnectorExits4AndSaysHowToListThem() {
    CliErrors.Failure failure = CliErrors.describe(new ApiException(404, "Connector orders not found", "orders"));

    assertEquals(ExitCodes.NOT_FOUND, failure.exitCode(), "not found exit code");
    assertEquals("connector orders not found — list them with `ferry connectors list`", failure.message(), "message");
  }

  @Test
  void notFoundWithoutConnectorShowsTheNodesMessage() {
    CliErrors.Failure failure = CliErrors.describe(new ApiException(404, "HTTP 404 Not Found: no endpoint", null));

    assertEquals(ExitCodes.NOT_FOUND, failure.exitCode(), "not found exit code");
    assertEquals("HTTP 404 Not Found: no endpoint", failure.message(), "the node's message");
  }

  @Test
  void alreadyExistsExits5WithTheMessageAndWhatToDoInstead() {
    CliErrors.Failure failure = CliErrors.describe(new ApiException(409, "Connector orders already exists", "orders"));

    assertEquals(ExitCodes.CONFLICT, failure.exitCode(), "conflict exit code");
    assertTrue(failure.message().startsWith("Connector orders already exists — "), "server message first: "
        + failure.message());
    assertTrue(failure.message().contains("ferry connectors config set orders"), "hint to change it instead: "
        + failure.message());
  }

  @Test
  void concurrentChangeExits5WithAHintToRetry() {
    CliErrors.Failure failure = CliErrors.describe(new ApiException(409, "Conflicting change in progress", "orders"));

    assertEquals(ExitCodes.CONFLICT, failure.exitCode(), "conflict exit code");
    assertTrue(failure.message().contains("retry"), "hint to retry: " + failure.message());
  }

  @Test
  void badRequestExits2WithTheNodesMessageAsIs() {
    String message = "Connector configuration is invalid and contains the following 1 error(s):\n"
        + "Missing required configuration \"src.kafka.bootstrap.servers\"";
    CliErrors.Failure failure = CliErrors.describe(new ApiException(400, message, null));

    assertEquals(ExitCodes.BAD_INPUT, failure.exitCode(), "bad input exit code");
    assertEquals(message, failure.message(), "the node's message, naming the key");
  }

  @Test
  void localInputProblemExits2() {
    assertEquals(ExitCodes.BAD_INPUT, CliErrors.describe(new UsageException("expected key=value")).exitCode(),
        "usage problems are bad input");
  }

  @Test
  void serverErrorAndAnythingElseExit1() {
    CliErrors.Failure serverError = CliErrors.describe(new ApiException(500, "boom", "orders"));
    assertEquals(ExitCodes.FAILURE, serverError.exitCode(), "500 is a failure");
    assertEquals("Ferry answered HTTP 500: boom", serverError.message(), "says what the node answered");

    assertEquals(ExitCodes.FAILURE, CliErrors.describe(new IllegalStateException("odd")).exitCode(),
        "unexpected exceptions are failures");
  }

  @Test
  void stackTraceOnlyWhenVerbose() {
    StringWriter quiet = new StringWriter();
    int code = CliErrors.report(new IllegalStateException("odd"), new PrintWriter(quiet), false);
    assertEquals(ExitCodes.FAILURE, code, "report answers the exit code");
    assertFalse(quiet.toString().contains("\tat "), "no stack trace without --verbose: " + quiet);

    StringWriter verbose = new StringWriter();
    CliErrors.report(new IllegalStateException("odd"), new PrintWriter(verbose), true);
    assertTrue(verbose.toString().contains("\tat "), "stack trace with --verbose: " + verbose);
  }

  @Test
  void offsetsChangeOfARunningConnectorExits2AndSaysHowToStopIt() {
    CliErrors.Failure failure = CliErrors.describe(new ApiException(400, "Connectors must be in the STOPPED state"
        + " before their offsets can be modified. This can be done ...", "orders"));

    assertEquals(ExitCodes.BAD_INPUT, failure.exitCode(), "bad input exit code");
    assertTrue(failure.message().startsWith("Connectors must be in the STOPPED state"), "Connect's message first: "
        + failure.message());
    assertTrue(failure.message().contains("`ferry connectors stop orders`"), "how to stop it: " + failure.message());
  }

  @Test
  void unknownClusterMemberExits4AndSaysHowToListMembers() {
    CliErrors.Failure failure = CliErrors.describe(
        ApiException.aboutMember(404, "Member [pekko://ferry@10.0.0.9:25520] not found", "10.0.0.9:25520"));

    assertEquals(ExitCodes.NOT_FOUND, failure.exitCode(), "not found exit code");
    assertTrue(failure.message().startsWith("no cluster member 10.0.0.9:25520"), "names it: " + failure.message());
    assertTrue(failure.message().contains("`ferry cluster members`"), "how to list members: " + failure.message());
  }

  @Test
  void unreachableManagementEndpointNamesItsOwnFlag() {
    CliErrors.Failure failure = CliErrors.describe(new NodeUnreachableException("http://10.0.0.1:8558",
        "connection refused", "--management-url or FERRY_MANAGEMENT_URL", new ConnectException()));

    assertEquals(ExitCodes.UNREACHABLE, failure.exitCode(), "unreachable exit code");
    assertTrue(failure.message().endsWith("set --management-url or FERRY_MANAGEMENT_URL"), "message: "
        + failure.message());
  }
}
