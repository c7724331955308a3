package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry watch CONNECTOR}: live progress of a connector until it has caught up, refreshed
 * from {@code GET /flows?connector=C}: a progress bar, total lag, time lag, rate and ETA. Exits 0
 * once every flow has an offset lag of 0. On a terminal the line is redrawn in place; otherwise
 * (a pipe, a log) one line is printed per refresh, and {@code -o json} prints one JSON object per
 * refresh. {@code --once} refreshes once and exits 0 if caught up, else 6.
 */
@Command(name = "watch", description = "Show a connector's progress (bar, lag, time lag, rate, ETA) every second"
    + " until every flow has caught up (offset lag 0); then exit 0.")
final class WatchCommand extends FerryCommand {

  private static final int BAR_WIDTH = 30;

  @Parameters(index = "0", paramLabel = "CONNECTOR", description = "The connector to watch.")
  private String connector;

  @Option(names = "--once", description = "Refresh once: exit 0 if caught up, else 6.")
  private boolean once;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
      description = "Seconds between refreshes (default ${DEFAULT-VALUE}).")
  private double intervalSeconds;

  @Override
  protected void run() {
    if (!(intervalSeconds > 0)) {
      throw new UsageException("--interval must be a positive number of seconds, was " + intervalSeconds);
    }
    boolean redraw = System.console() != null && !jsonOutput() && !once;
    WatchProgress progress = new WatchProgress();
    while (true) {
      JsonNode flows = client().flows(connector);
      WatchProgress.Snapshot snapshot = progress.update(flows, System.nanoTime());
      print(snapshot, redraw);
      if (snapshot.caughtUp()) {
        if (redraw) {
          out().println();
        }
        say("Connector " + connector + " has caught up: " + String.format("%,d", snapshot.replicated())
            + " records replicated, no lag.");
        return;
      }
      if (once) {
        throw new NotCaughtUpException(connector, snapshot);
      }
      pause();
    }
  }

  private void print(WatchProgress.Snapshot snapshot, boolean redraw) {
    if (jsonOutput()) {
      out().println(compact(snapshot.toJson(connector)));
    } else if (redraw) {
      out().print("\r" + WatchProgress.render(connector, snapshot, BAR_WIDTH) + "\u001b[K");
    } else {
      out().println(WatchProgress.render(connector, snapshot, BAR_WIDTH));
    }
    out().flush();
  }

  private void pause() {
    try {
      Thread.sleep(Math.round(intervalSeconds * 1000)); // the refresh cadence the user asked for
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String compact(JsonNode node) {
    try {
      return Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code --once} found lag left; {@link CliErrors} turns it into exit code 6. */
  static final class NotCaughtUpException extends RuntimeException {
    NotCaughtUpException(String connector, WatchProgress.Snapshot snapshot) {
      super(snapshot.flows() == 0
          ? "connector " + connector + " has no flows yet — is it STOPPED, or still discovering its partitions?"
          : "connector " + connector + " has not caught up yet: lag "
              + (snapshot.unknownLag() > 0 ? "unknown for " + snapshot.unknownLag() + " flow(s)" : snapshot.lag()));
    }
  }
}
