package dev.ferry.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.testkit.ConnectClient;

/** Assertions on API answers that print the whole answer when they fail. */
final class ConnectClientAssert {

  private ConnectClientAssert() {}

  /** The answer has this status. */
  static void status(ConnectClient.Response response, int status) {
    assertEquals(status, response.status(), "status of " + response);
  }
}
