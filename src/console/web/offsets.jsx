// Offsets of a STOPPED connector: GET /connectors/{name}/offsets as a table where each partition's
// next offset can be changed (PATCH of the changed ones) or every flow reset to the beginning
// (DELETE). The API refuses both while the connector runs, and says so.
import { useEffect, useState } from 'preact/hooks';
import { api, get, seg } from './api.js';
import { count } from './format.js';
import { LoadError, runAction } from './ui.jsx';

const partitionKey = (p) => JSON.stringify(p);

export function OffsetsPanel({ name, state, onChanged }) {
  const [offsets, setOffsets] = useState(null);
  const [error, setError] = useState(null);
  const [edits, setEdits] = useState({});
  const load = () => get(`/connectors/${seg(name)}/offsets`)
    .then((o) => { setOffsets(o?.offsets ?? []); setError(null); setEdits({}); })
    .catch(setError);
  const stopped = state === 'STOPPED';
  useEffect(() => {
    if (stopped) load();
  }, [name, stopped]);

  const changed = Object.entries(edits).filter(([, v]) => v !== '');
  const apply = async () => {
    const body = { offsets: changed.map(([key, value]) => ({ partition: JSON.parse(key),
      offset: value.trim().toLowerCase() === 'null' ? null : { offset: Number(value) } })) };
    const bad = body.offsets.find((o) => o.offset && !Number.isInteger(o.offset.offset));
    if (bad) {
      setError(new Error(`Offset of ${bad.partition.topic}-${bad.partition.partition} must be a whole number (or null to reset it).`));
      return;
    }
    if (await runAction({ question: `Move ${changed.length} partition${changed.length === 1 ? '' : 's'} of ${name} to the new offsets?`,
      confirmLabel: 'Move offsets', done: `Offsets of ${name} altered.`,
      action: () => api('PATCH', `/connectors/${seg(name)}/offsets`, body) })) {
      load();
      onChanged();
    }
  };
  const reset = async () => {
    if (await runAction({ question: `Reset every flow of ${name} to the beginning of its partition?`, danger: true,
      confirmLabel: 'Reset offsets', done: `Offsets of ${name} reset.`,
      action: () => api('DELETE', `/connectors/${seg(name)}/offsets`) })) {
      load();
      onChanged();
    }
  };
  return (
    <div data-testid="offsets">
      {!stopped && <p class="muted">The flows table shows each flow's offset. Offsets can be moved or reset only while
        the connector is STOPPED: Stop it first.</p>}
      <LoadError error={error} />
      {stopped && offsets && offsets.length === 0 && <p class="muted">No offsets stored yet.</p>}
      {stopped && offsets && offsets.length > 0 && (
        <table class="grid">
          <thead><tr><th>Cluster</th><th>Topic</th><th class="num">Partition</th><th class="num">Next offset</th>
            <th>New offset</th></tr></thead>
          <tbody>
            {offsets.slice(0, 1000).map((o) => {
              const key = partitionKey(o.partition);
              return (
                <tr key={key} data-offset-row={`${o.partition?.topic}/${o.partition?.partition}`}>
                  <td class="mono">{o.partition?.cluster}</td>
                  <td>{o.partition?.topic}</td>
                  <td class="num">{o.partition?.partition}</td>
                  <td class="num" data-testid="offset">{o.offset ? count(o.offset.offset) : 'reset'}</td>
                  <td><input class="offset-input" value={edits[key] ?? ''} placeholder="unchanged"
                    onInput={(e) => setEdits({ ...edits, [key]: e.currentTarget.value })} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {stopped && (
        <div class="buttons">
          <button class="primary" disabled={changed.length === 0} onClick={apply} data-testid="offsets-apply">Move {changed.length || ''} offsets</button>
          <button class="danger" onClick={reset} data-testid="offsets-reset">Reset all to the beginning</button>
        </div>
      )}
    </div>
  );
}
