// The last minutes of each connector's figures, kept in the page (the API has no history): every
// GET /flows answer the page reads, on any view, adds one sample per connector. Opening the page
// starts the history; reloading it starts it again.
import { summarize, WatchProgress } from './progress.js';

/** How long samples are kept. */
export const WINDOW_MS = 10 * 60 * 1000;
/** Samples closer than this to the previous one are not kept (two views polling at once). */
const MIN_SPACING_MS = 500;

const connectors = new Map();

/** A flow's identity within its connector: source topic and partition (task id as a fallback). */
export function flowKey(flow) {
  return flow.topic !== undefined ? `${flow.topic}/${flow.partition}` : `task ${flow.task}`;
}

/** Adds a sample for every connector present in `flows` (one GET /flows answer); returns name -> progress. */
export function record(flows, now = Date.now()) {
  const byConnector = new Map();
  for (const flow of flows) {
    const name = flow.connector ?? '?';
    if (!byConnector.has(name)) byConnector.set(name, []);
    byConnector.get(name).push(flow);
  }
  const out = new Map();
  for (const [name, own] of byConnector) out.set(name, recordConnector(name, own, now));
  return out;
}

/** Adds one sample of a connector (its flows, possibly none); returns its progress. */
export function recordConnector(name, flows, now = Date.now()) {
  let entry = connectors.get(name);
  if (!entry) {
    entry = { watch: new WatchProgress(), samples: [], progress: null };
    connectors.set(name, entry);
  }
  const last = entry.samples[entry.samples.length - 1];
  if (last && now - last.t < MIN_SPACING_MS && entry.progress) return entry.progress;
  const summary = summarize(flows);
  entry.progress = entry.watch.update(summary, now);
  const perFlow = new Map();
  for (const flow of flows) perFlow.set(flowKey(flow), [flow.records_per_second ?? null, flow.offset_lag ?? null]);
  entry.samples.push({ t: now, rate: summary.perSecond, lag: summary.unknownLag > 0 ? null : summary.lag, perFlow });
  while (entry.samples.length && entry.samples[0].t < now - WINDOW_MS) entry.samples.shift();
  return entry.progress;
}

/** The connector's samples, oldest first (empty when none yet). */
export function samples(name) {
  return connectors.get(name)?.samples ?? [];
}

/** The connector's latest progress (null before its first sample). */
export function progress(name) {
  return connectors.get(name)?.progress ?? null;
}

/** Forgets a deleted connector. */
export function forget(name) {
  connectors.delete(name);
}
