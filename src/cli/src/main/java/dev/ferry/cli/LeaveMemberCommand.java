package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry cluster leave ADDR}: the member leaves the cluster gracefully; its shards (and so
 * its flows, after draining) move to the other members before it shuts down.
 */
@Command(name = "leave", description = "Make a member leave the cluster gracefully (its flows drain and move).")
final class LeaveMemberCommand extends FerryCommand {

  @Parameters(index = "0", paramLabel = "ADDR",
      description = "The member: pekko://ferry@host:port, or a unique part such as host:port.")
  private String address;

  @Override
  protected void run() {
    JsonNode answer = managementClient().leave(MemberAddress.resolve(address, managementClient()));
    if (jsonOutput()) {
      printJson(answer);
    } else {
      out().println(answer.path("message").asText("Leaving " + address));
    }
  }
}
