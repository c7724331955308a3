package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code ferry watch} shows, computed from successive {@code GET /flows?connector=C} answers:
 * total offset lag, progress (records replicated out of replicated + lag), the largest time lag,
 * the rate, and an ETA from how fast the lag has been shrinking between refreshes (before the
 * second refresh: from the replication rate). Caught up means the connector has flows and every
 * one has an offset lag of 0.
 */
final class WatchProgress {

  /** Weight of the newest lag-drain measurement in the smoothed catch-up rate. */
  private static final double SMOOTHING = 0.3;

  private long previousLag = -1;
  private long previousNanos;
  private double drainPerSecond = Double.NaN;

  /**
   * One refresh.
   *
   * @param flows       number of flows
   * @param states      flows per state
   * @param lag         total offset lag of the flows whose lag is known
   * @param unknownLag  flows whose lag the node could not tell (-1)
   * @param replicated  records replicated, all flows
   * @param perSecond   replication rate, all flows
   * @param timeLagMs   largest time lag (-1 unknown)
   * @param etaSeconds  seconds until caught up at the current pace (-1 unknown)
   */
  record Snapshot(int flows, Map<String, Integer> states, long lag, int unknownLag, long replicated,
                  double perSecond, long timeLagMs, long etaSeconds) {

    /** Every flow has an offset lag of 0 (and there is at least one). */
    boolean caughtUp() {
      return flows > 0 && unknownLag == 0 && lag == 0;
    }

    /** Share of the records replicated out of replicated + still to copy, 0..1. */
    double fraction() {
      if (caughtUp()) {
        return 1;
      }
      long total = replicated + lag;
      return total == 0 ? 0 : (double) replicated / total;
    }

    /** The snapshot as one JSON object (for {@code -o json}: one line per refresh). */
    ObjectNode toJson(String connector) {
      ObjectNode out = Json.MAPPER.createObjectNode().put("connector", connector).put("flows", flows);
      states.forEach(out.putObject("states")::put);
      return out.put("offset_lag", unknownLag > 0 ? -1 : lag)
          .put("records_replicated", replicated)
          .put("records_per_second", Math.round(perSecond * 10) / 10.0)
          .put("time_lag_ms", timeLagMs)
          .put("progress", Math.round(fraction() * 1000) / 1000.0)
          .put("eta_seconds", etaSeconds)
          .put("caught_up", caughtUp());
    }
  }

  /** Folds one {@code GET /flows} answer, taken at {@code nanos} ({@link System#nanoTime()}), into a snapshot. */
  Snapshot update(JsonNode flows, long nanos) {
    Map<String, Integer> states = new TreeMap<>();
    long lag = 0;
    int unknown = 0;
    long replicated = 0;
    double rate = 0;
    long timeLag = 0;
    for (JsonNode flow : flows) {
      states.merge(flow.path("state").asText("?"), 1, Integer::sum);
      long flowLag = flow.path("offset_lag").asLong(-1);
      if (flowLag < 0) {
        unknown++;
      } else {
        lag += flowLag;
      }
      replicated += flow.path("records_replicated").asLong(0);
      rate += flow.path("records_per_second").asDouble(0);
      long flowTimeLag = flow.path("time_lag_ms").asLong(-1);
      timeLag = timeLag < 0 || flowTimeLag < 0 ? -1 : Math.max(timeLag, flowTimeLag);
    }
    measureDrain(lag, nanos);
    double pace = drainPerSecond > 0 ? drainPerSecond : Double.isNaN(drainPerSecond) ? rate : 0;
    long eta = lag == 0 && unknown == 0 ? 0 : pace > 0 && unknown == 0 ? Math.round(Math.ceil(lag / pace)) : -1;
    return new Snapshot(flows.size(), states, lag, unknown, replicated, rate, timeLag, eta);
  }

  private void measureDrain(long lag, long nanos) {
    if (previousLag >= 0 && nanos > previousNanos) {
      double seconds = (nanos - previousNanos) / 1e9;
      double drain = (previousLag - lag) / seconds;
      drainPerSecond = Double.isNaN(drainPerSecond) ? drain : drainPerSecond * (1 - SMOOTHING) + drain * SMOOTHING;
    }
    previousLag = lag;
    previousNanos = nanos;
  }

  /** The human line: bar, percentage, lag, time lag, rate, ETA and flow states. */
  static String render(String connector, Snapshot s, int barWidth) {
    int filled = (int) Math.floor(s.fraction() * barWidth);
    StringBuilder line = new StringBuilder(connector).append("  [")
        .append("#".repeat(filled)).append("-".repeat(barWidth - filled)).append("] ")
        .append(String.format("%5.1f%%", s.fraction() * 100))
        .append("  lag ").append(s.unknownLag() > 0 ? "?" : String.format("%,d", s.lag()))
        .append("  time lag ").append(duration(s.timeLagMs()))
        .append("  ").append(String.format("%,.0f", s.perSecond())).append(" rec/s")
        .append("  ETA ").append(s.caughtUp() ? "caught up" : s.etaSeconds() < 0 ? "?" : clock(s.etaSeconds()))
        .append("  ").append(s.flows()).append(s.flows() == 1 ? " flow" : " flows");
    if (!s.states().isEmpty()) {
      line.append(':');
      s.states().forEach((state, count) -> line.append(' ').append(count).append(' ').append(state));
    }
    return line.toString();
  }

  private static String duration(long ms) {
    return ms < 0 ? "?" : ms < 1000 ? ms + "ms" : String.format("%.1fs", ms / 1000.0);
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
  }
}
