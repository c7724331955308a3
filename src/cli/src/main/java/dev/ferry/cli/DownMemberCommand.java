package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry cluster down ADDR}: marks a member down, for a node that crashed or is cut off and
 * will not leave by itself; its flows restart elsewhere from their persisted offsets. Only for a
 * node that is really gone: a downed node that still runs is a second copy of its flows.
 */
@Command(name = "down", description = "Mark an unreachable member down (only when it is really gone);"
    + " its flows restart on other members from their offsets.")
final class DownMemberCommand extends FerryCommand {

  @Parameters(index = "0", paramLabel = "ADDR",
      description = "The member: pekko://ferry@host:port, or a unique part such as host:port.")
  private String address;

  @Override
  protected void run() {
    JsonNode answer = managementClient().down(MemberAddress.resolve(address, managementClient()));
    if (jsonOutput()) {
      printJson(answer);
    } else {
      out().println(answer.path("message").asText("Downing " + address));
    }
  }
}
