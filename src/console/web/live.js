// Live refresh by polling: each view reloads what it shows every `interval` (2 s by default, chosen
// in the header, kept in localStorage), one request round at a time (a slow node is never asked
// twice at once), and not at all while the browser tab is hidden.
import { useEffect, useRef, useState } from 'preact/hooks';

const STORAGE_KEY = 'ferry-console-refresh-ms';
/** The choices the header offers; 0 = paused. */
export const INTERVALS = [1000, 2000, 5000, 10000, 0];
const listeners = new Set();
let intervalMs = Number(localStorage.getItem(STORAGE_KEY) ?? 2000);
if (!INTERVALS.includes(intervalMs)) intervalMs = 2000;

export function refreshInterval() {
  return intervalMs;
}

export function setRefreshInterval(ms) {
  intervalMs = ms;
  localStorage.setItem(STORAGE_KEY, String(ms));
  listeners.forEach((listener) => listener(ms));
}

/** The refresh interval as state: re-renders when the user changes it. */
export function useRefreshInterval() {
  const [ms, setMs] = useState(intervalMs);
  useEffect(() => {
    listeners.add(setMs);
    return () => listeners.delete(setMs);
  }, []);
  return ms;
}

/**
 * Runs `load` now, then every refresh interval; `deps` restart it (and clear the data).
 * Returns { data, error, at, reload }: the last answer, the last error (cleared by the next success),
 * the time of the last success, and a function that loads again at once (after an action).
 */
export function usePoll(load, deps) {
  const [state, setState] = useState({ data: null, error: null, at: 0 });
  const ms = useRefreshInterval();
  const wake = useRef(() => {});
  const shownKey = useRef(null);
  const key = JSON.stringify(deps);
  useEffect(() => {
    let stopped = false;
    let timer = null;
    let running = false;
    let again = false;
    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && ms > 0) timer = setTimeout(tick, ms);
    };
    const tick = async () => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      if (document.hidden) {
        schedule();
        return;
      }
      running = true;
      try {
        const data = await load();
        if (!stopped) setState({ data, error: null, at: Date.now() });
      } catch (error) {
        if (!stopped) setState((s) => ({ ...s, error }));
      } finally {
        running = false;
      }
      if (again) {
        again = false;
        tick();
      } else {
        schedule();
      }
    };
    const onVisible = () => {
      if (!document.hidden) tick();
    };
    wake.current = tick;
    if (shownKey.current !== key) {
      shownKey.current = key;
      setState({ data: null, error: null, at: 0 });
    }
    tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [key, ms]);
  return { ...state, reload: () => wake.current() };
}
