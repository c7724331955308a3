// The overview: the cluster's members (with the flows each runs), every connector with its state,
// tasks, rate and lag, and the totals. Reads GET /cluster/members, GET /connectors?expand=status&expand=info
// and GET /flows on every refresh.
import { get } from './api.js';
import { count, duration, rate, simpleClass } from './format.js';
import { record } from './history.js';
import { usePoll } from './live.js';
import { LoadError, State } from './ui.jsx';

async function loadOverview() {
  const [connectors, flows, members] = await Promise.allSettled([
    get('/connectors?expand=status&expand=info'), get('/flows'), get('/cluster/members')]);
  if (connectors.status === 'rejected') throw connectors.reason;
  const flowList = flows.status === 'fulfilled' && Array.isArray(flows.value) ? flows.value : [];
  return {
    connectors: connectors.value ?? {},
    flows: flowList,
    flowsError: flows.status === 'rejected' ? flows.reason : null,
    progress: record(flowList),
    members: members.status === 'fulfilled' ? members.value : null,
    membersError: members.status === 'rejected' ? members.reason : null,
  };
}

export function Overview() {
  const { data, error } = usePoll(loadOverview, []);
  if (!data) return error ? <LoadError error={error} /> : <p class="muted">Loading…</p>;
  return (
    <div>
      <LoadError error={error} />
      <Members members={data.members} error={data.membersError} flows={data.flows} />
      <Connectors connectors={data.connectors} progress={data.progress} flowsError={data.flowsError} />
    </div>
  );
}

function Members({ members, error, flows }) {
  const perWorker = new Map();
  for (const flow of flows) perWorker.set(flow.worker_id, (perWorker.get(flow.worker_id) ?? 0) + 1);
  const unreachable = new Set((members?.unreachable ?? []).map((u) => u.node));
  const list = members?.members ?? [];
  return (
    <section>
      <h2>Cluster members <span class="muted">{list.length}</span></h2>
      <LoadError error={error} />
      <table class="grid" data-testid="members">
        <thead>
          <tr><th>Address</th><th>Status</th><th>Reachable</th><th>Roles</th><th>REST (worker id)</th>
            <th class="num">Flows</th><th></th></tr>
        </thead>
        <tbody>
          {list.map((m) => {
            const marks = [m.node === members.selfNode && 'this node', m.node === members.leader && 'leader',
              m.node === members.oldest && 'oldest'].filter(Boolean);
            return (
              <tr key={m.node}>
                <td class="mono">{m.node}</td>
                <td>{m.status}</td>
                <td>{unreachable.has(m.node) ? <span class="state failed">no</span> : 'yes'}</td>
                <td>{(m.roles ?? []).join(', ')}</td>
                <td class="mono">{m.worker_id ?? '?'}</td>
                <td class="num">{m.worker_id ? count(perWorker.get(m.worker_id) ?? 0) : '?'}</td>
                <td class="muted">{marks.join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** One overview row's figures from the connector's status and its flows' progress. */
function row(name, entry, progress) {
  const status = entry?.status ?? {};
  const info = entry?.info ?? {};
  const tasks = status.tasks ?? [];
  return {
    name,
    type: info.type ?? status.type ?? '?',
    className: info.config?.['connector.class'],
    state: status.connector?.state ?? '?',
    worker: status.connector?.worker_id,
    running: tasks.filter((t) => t.state === 'RUNNING').length,
    tasks: tasks.length,
    progress,
  };
}

function Connectors({ connectors, progress, flowsError }) {
  const rows = Object.keys(connectors).sort().map((name) => row(name, connectors[name], progress.get(name)));
  const totals = rows.reduce((t, r) => ({
    running: t.running + r.running,
    tasks: t.tasks + r.tasks,
    rate: t.rate + (r.progress?.perSecond ?? 0),
    lag: t.lag < 0 ? -1 : !r.progress ? t.lag : r.progress.unknownLag > 0 ? -1 : t.lag + r.progress.lag,
    timeLag: t.timeLag < 0 ? -1 : !r.progress ? t.timeLag
      : r.progress.timeLagMs < 0 ? -1 : Math.max(t.timeLag, r.progress.timeLagMs),
  }), { running: 0, tasks: 0, rate: 0, lag: 0, timeLag: 0 });
  return (
    <section>
      <h2>Connectors <span class="muted">{rows.length}</span>
        <a class="button primary right" href="#/new" data-testid="new-connector">New connector</a></h2>
      <LoadError error={flowsError} />
      {rows.length === 0 ? <p class="muted">No connectors yet.</p> : (
        <table class="grid" data-testid="connectors">
          <thead>
            <tr><th>Name</th><th>Type</th><th>State</th><th class="num">Tasks</th><th class="num">Records/s</th>
              <th class="num">Offset lag</th><th class="num">Time lag</th><th>Worker</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} data-connector={r.name}>
                <td><a href={`#/connectors/${encodeURIComponent(r.name)}`} data-testid="connector-link">{r.name}</a></td>
                <td title={r.className}>{simpleClass(r.className)} <span class="muted">{r.type}</span></td>
                <td data-testid="connector-state"><State state={r.state} /></td>
                <td class="num" data-testid="connector-tasks">{r.running}/{r.tasks}</td>
                <td class="num" data-testid="connector-rate">{r.progress ? rate(r.progress.perSecond) : '—'}</td>
                <td class="num" data-testid="connector-lag">
                  {r.progress ? (r.progress.unknownLag > 0 ? '?' : count(r.progress.lag)) : '—'}</td>
                <td class="num" data-testid="connector-time-lag">{r.progress ? duration(r.progress.timeLagMs) : '—'}</td>
                <td class="mono">{r.worker ?? ''}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="totals">
              <td>Total</td><td></td><td></td>
              <td class="num" data-testid="total-tasks">{totals.running}/{totals.tasks}</td>
              <td class="num" data-testid="total-rate">{rate(totals.rate)}</td>
              <td class="num" data-testid="total-lag">{count(totals.lag)}</td>
              <td class="num">{duration(totals.timeLag)}</td><td></td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
