// What `ferry watch` shows, computed the same way (src/cli WatchProgress): total offset lag,
// progress = replicated / (replicated + lag), largest time lag, summed rate, and an ETA from how
// fast the lag has been shrinking between refreshes (smoothed), before the second refresh from the
// replication rate. Caught up = at least one flow and every flow's lag is 0.

/** Weight of the newest lag-drain measurement in the smoothed catch-up rate (as WatchProgress). */
const SMOOTHING = 0.3;

/** Sums one connector's flows (entries of GET /flows); tolerant of missing or extra fields. */
export function summarize(flows) {
  const states = {};
  let lag = 0;
  let unknownLag = 0;
  let replicated = 0;
  let perSecond = 0;
  let timeLagMs = 0;
  for (const flow of flows) {
    const state = flow.state ?? '?';
    states[state] = (states[state] ?? 0) + 1;
    const flowLag = typeof flow.offset_lag === 'number' ? flow.offset_lag : -1;
    if (flowLag < 0) unknownLag++;
    else lag += flowLag;
    replicated += typeof flow.records_replicated === 'number' ? flow.records_replicated : 0;
    perSecond += typeof flow.records_per_second === 'number' ? flow.records_per_second : 0;
    const flowTimeLag = typeof flow.time_lag_ms === 'number' ? flow.time_lag_ms : -1;
    timeLagMs = timeLagMs < 0 || flowTimeLag < 0 ? -1 : Math.max(timeLagMs, flowTimeLag);
  }
  return { flows: flows.length, states, lag, unknownLag, replicated, perSecond, timeLagMs };
}

/** Successive summaries of one connector, as `ferry watch` folds successive GET /flows answers. */
export class WatchProgress {
  constructor() {
    this.previousLag = -1;
    this.previousMs = 0;
    this.drainPerSecond = NaN;
  }

  /** Folds one summary taken at `ms` (performance.now()) and returns it with `etaSeconds`, `fraction`, `caughtUp`. */
  update(summary, ms) {
    if (this.previousLag >= 0 && ms > this.previousMs) {
      const drain = (this.previousLag - summary.lag) / ((ms - this.previousMs) / 1000);
      this.drainPerSecond = Number.isNaN(this.drainPerSecond) ? drain
        : this.drainPerSecond * (1 - SMOOTHING) + drain * SMOOTHING;
    }
    this.previousLag = summary.lag;
    this.previousMs = ms;
    const pace = this.drainPerSecond > 0 ? this.drainPerSecond
      : Number.isNaN(this.drainPerSecond) ? summary.perSecond : 0;
    const known = summary.unknownLag === 0;
    const etaSeconds = summary.lag === 0 && known ? 0
      : pace > 0 && known ? Math.ceil(summary.lag / pace) : -1;
    const caughtUp = summary.flows > 0 && known && summary.lag === 0;
    const total = summary.replicated + summary.lag;
    const fraction = caughtUp ? 1 : total === 0 ? 0 : summary.replicated / total;
    return { ...summary, etaSeconds, caughtUp, fraction };
  }
}
