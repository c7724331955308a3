// Number and time formats shared by every view; unknown values (-1, null, undefined) show as "?".

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 12,345 (or "?" when unknown). */
export function count(n) {
  return n === null || n === undefined || n < 0 || Number.isNaN(n) ? '?' : INTEGER.format(n);
}

/** A rate: 1,234 or 12.5. */
export function rate(n) {
  if (n === null || n === undefined || Number.isNaN(n)) return '?';
  return n >= 100 ? INTEGER.format(n) : DECIMAL.format(n);
}

/** A time lag: 850ms, 41.2s, 3m 05s, 2h 10m. */
export function duration(ms) {
  if (ms === null || ms === undefined || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** m:ss, or h:mm:ss from an hour on (as `ferry watch`). */
export function clock(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? h + ':' : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The simple name of a connector class: org.apache.kafka.connect.mirror.MirrorSourceConnector -> MirrorSourceConnector. */
export function simpleClass(name) {
  if (!name) return '?';
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}
