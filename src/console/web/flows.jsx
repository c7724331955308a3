// A connector's flows: a paged, sortable, filterable table (100 rows a page, so 1,000 flows stay
// quick) and the picture of which node runs which partition.
import { useMemo, useState } from 'preact/hooks';
import { count, duration, rate } from './format.js';
import { flowKey } from './history.js';
import { State } from './ui.jsx';

export const PAGE_SIZE = 100;

const COLUMNS = [
  { key: 'task', label: 'Task', num: true },
  { key: 'topic', label: 'Topic' },
  { key: 'partition', label: 'Partition', num: true },
  { key: 'worker_id', label: 'Node' },
  { key: 'state', label: 'State' },
  { key: 'offset', label: 'Offset', num: true },
  { key: 'end_offset', label: 'End offset', num: true },
  { key: 'offset_lag', label: 'Lag', num: true },
  { key: 'time_lag_ms', label: 'Time lag', num: true },
  { key: 'records_per_second', label: 'Rec/s', num: true },
];

function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''), undefined, { numeric: true });
}

/**
 * @param flows     GET /flows?connector=C entries
 * @param charted   keys of the flows drawn in the charts
 * @param onChart   (key, on) toggles a flow in the charts
 * @param onRestart (flow) restarts that flow's task
 */
export function FlowsTable({ flows, charted, onChart, onRestart }) {
  const [sort, setSort] = useState({ key: 'task', desc: false });
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const matching = needle ? flows.filter((f) => [f.topic, f.partition, f.worker_id, f.state, f.task, f.target_topic]
      .some((v) => String(v ?? '').toLowerCase().includes(needle))) : flows.slice();
    matching.sort((a, b) => compare(a[sort.key], b[sort.key]) * (sort.desc ? -1 : 1));
    return matching;
  }, [flows, sort, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  return (
    <div>
      <div class="toolbar">
        <input type="search" placeholder="Filter: topic, partition, node, state" value={filter}
          onInput={(e) => { setFilter(e.currentTarget.value); setPage(0); }} data-testid="flows-filter" />
        <span class="muted" data-testid="flows-count">{count(shown.length)} of {count(flows.length)} flows</span>
        <Pager page={current} pages={pages} setPage={setPage} />
      </div>
      <table class="grid flows" data-testid="flows" data-rows={rows.length}>
        <thead>
          <tr>
            <th title="Draw in the charts">Chart</th>
            {COLUMNS.map((c) => (
              <th key={c.key} class={`${c.num ? 'num' : ''} sortable`}
                onClick={() => setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : c.num && c.key !== 'task' && c.key !== 'partition' })}>
                {c.label}{sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
              </th>
            ))}
            <th></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => {
            const key = flowKey(f);
            return (
              <tr key={key} data-flow={key} class={f.trace ? 'has-trace' : ''}>
                <td><input type="checkbox" checked={charted.includes(key)} onChange={(e) => onChart(key, e.currentTarget.checked)} /></td>
                <td class="num">{f.task}</td>
                <td>{f.topic}{f.target_topic && f.target_topic !== f.topic ? <span class="muted"> → {f.target_topic}</span> : ''}</td>
                <td class="num">{f.partition}</td>
                <td class="mono">{f.worker_id}</td>
                <td><State state={f.state} />{f.trace ? <span class="muted" title={f.trace}> trace</span> : ''}</td>
                <td class="num">{count(f.offset)}</td>
                <td class="num">{count(f.end_offset)}</td>
                <td class="num">{count(f.offset_lag)}</td>
                <td class="num">{duration(f.time_lag_ms)}</td>
                <td class="num">{rate(f.records_per_second)}</td>
                <td><button class="small" onClick={() => onRestart(f)} title="Restart this task">Restart</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ page, pages, setPage }) {
  if (pages <= 1) return null;
  return (
    <span class="pager" data-testid="pager">
      <button class="small" disabled={page === 0} onClick={() => setPage(page - 1)}>‹ Prev</button>
      <span>page {page + 1} of {pages}</span>
      <button class="small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)} data-testid="next-page">Next ›</button>
    </span>
  );
}

const NODE_COLORS = ['#60a5fa', '#fbbf24', '#34d399', '#f472b6', '#a78bfa', '#22d3ee', '#fb923c', '#a3e635', '#e879f9'];

/** One square per flow, one row per topic, coloured by the node that runs it; failed and paused flows marked. */
export function PartitionMap({ flows }) {
  const { topics, nodes } = useMemo(() => {
    const byTopic = new Map();
    const nodeSet = new Set();
    for (const f of flows) {
      const topic = f.topic ?? '?';
      if (!byTopic.has(topic)) byTopic.set(topic, []);
      byTopic.get(topic).push(f);
      nodeSet.add(f.worker_id ?? '?');
    }
    for (const list of byTopic.values()) list.sort((a, b) => (a.partition ?? 0) - (b.partition ?? 0));
    return { topics: [...byTopic.entries()].sort(([a], [b]) => a.localeCompare(b)), nodes: [...nodeSet].sort() };
  }, [flows]);
  const color = (node) => NODE_COLORS[nodes.indexOf(node) % NODE_COLORS.length];
  return (
    <div class="partition-map" data-testid="partition-map">
      <div class="legend">
        {nodes.map((n) => (
          <span key={n} class="legend-item" data-node={n}>
            <span class="swatch" style={{ background: color(n) }} />{n}
            <span class="muted"> {flows.filter((f) => (f.worker_id ?? '?') === n).length} flows</span>
          </span>
        ))}
        <span class="legend-item"><span class="swatch failed-mark" />failed</span>
        <span class="legend-item"><span class="swatch paused-mark" />paused / stopped</span>
      </div>
      {topics.map(([topic, list]) => (
        <div class="map-row" key={topic}>
          <div class="map-topic" title={topic}>{topic} <span class="muted">{list.length}</span></div>
          <div class="map-cells">
            {list.map((f) => (
              <span key={f.partition} class={`cell ${String(f.state ?? '').toLowerCase()}`}
                style={{ background: color(f.worker_id ?? '?') }}
                title={`${topic}-${f.partition} on ${f.worker_id}: ${f.state}, lag ${count(f.offset_lag)}`}>
                {list.length <= 64 ? f.partition : ''}
              </span>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
