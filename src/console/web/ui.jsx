// Page-wide pieces: the confirmation dialog every action goes through, the notices that show an
// action's outcome (an API error as the API's own message), and small shared widgets.
import { useEffect, useRef, useState } from 'preact/hooks';

let showDialog = () => Promise.resolve(false);
let showNotice = () => {};

/** Asks the user to confirm; resolves true on Confirm. */
export function ask(question, confirmLabel = 'Confirm', danger = false) {
  return showDialog({ question, confirmLabel, danger });
}

/** Shows a notice: kind 'ok' or 'error'. */
export function notify(kind, text) {
  showNotice({ kind, text, id: Math.random() });
}

/**
 * Runs an action after confirmation (when `question` is given): success and failure both end in a
 * notice; returns the action's result, or undefined when cancelled or failed.
 */
export async function runAction({ question, confirmLabel, danger, done, action }) {
  if (question && !(await ask(question, confirmLabel, danger))) return undefined;
  try {
    const result = await action();
    if (done) notify('ok', done);
    return result ?? true;
  } catch (e) {
    notify('error', e.message);
    return undefined;
  }
}

/** The one modal confirmation dialog (a native <dialog>). */
export function ConfirmDialog() {
  const [request, setRequest] = useState(null);
  const dialog = useRef(null);
  useEffect(() => {
    showDialog = (r) => new Promise((resolve) => setRequest({ ...r, resolve }));
  }, []);
  useEffect(() => {
    if (request && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [request]);
  const close = (answer) => {
    dialog.current?.close();
    request?.resolve(answer);
    setRequest(null);
  };
  return (
    <dialog ref={dialog} class="confirm" data-testid="confirm-dialog" onCancel={() => close(false)}>
      {request && (
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); close(true); }}>
          <p data-testid="confirm-question">{request.question}</p>
          <div class="buttons">
            <button type="button" onClick={() => close(false)} data-testid="confirm-cancel">Cancel</button>
            <button type="submit" class={request.danger ? 'danger' : 'primary'} data-testid="confirm-ok">
              {request.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

/** Notices in the corner; errors stay until dismissed, successes fade after 5 s. */
export function Notices() {
  const [notices, setNotices] = useState([]);
  useEffect(() => {
    showNotice = (n) => {
      setNotices((all) => [...all.slice(-4), n]);
      if (n.kind === 'ok') setTimeout(() => setNotices((all) => all.filter((x) => x.id !== n.id)), 5000);
    };
  }, []);
  return (
    <div class="notices">
      {notices.map((n) => (
        <div key={n.id} class={`notice ${n.kind}`} data-testid={`notice-${n.kind}`}>
          <span>{n.text}</span>
          <button class="link" onClick={() => setNotices((all) => all.filter((x) => x.id !== n.id))}>×</button>
        </div>
      ))}
    </div>
  );
}

/** A state as a coloured badge (RUNNING, PAUSED, FAILED, ... or whatever the API says). */
export function State({ state }) {
  const known = ['RUNNING', 'PAUSED', 'STOPPED', 'FAILED', 'UNASSIGNED', 'RESTARTING'];
  return <span class={`state ${known.includes(state) ? state.toLowerCase() : 'other'}`}>{state ?? '?'}</span>;
}

/** An error box for a failed load: the API's message. */
export function LoadError({ error }) {
  return error ? <div class="load-error" data-testid="load-error">{error.message}</div> : null;
}

/** A failure trace: the first line shown, the rest folded. */
export function Trace({ trace, testid }) {
  if (!trace) return null;
  const [head, ...rest] = String(trace).split('\n');
  return (
    <details class="trace" data-testid={testid} open={rest.length === 0}>
      <summary>{head}</summary>
      {rest.length > 0 && <pre>{rest.join('\n')}</pre>}
    </details>
  );
}
