// A connector's page: state and actions, failure traces, progress toward caught-up with an ETA (as
// `ferry watch`), charts of records/s and lag over the last minutes, which node runs which
// partition, the flows table, the config (secrets redacted) and, when STOPPED, its offsets.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, get, seg } from './api.js';
import { TimeChart } from './charts.jsx';
import { isSecret, passwordKeysOf, REDACTED } from './config.js';
import { clock, count, duration, rate, simpleClass } from './format.js';
import { FlowsTable, PartitionMap } from './flows.jsx';
import { flowKey, forget, recordConnector, samples } from './history.js';
import { usePoll } from './live.js';
import { OffsetsPanel } from './offsets.jsx';
import { LoadError, runAction, State, Trace } from './ui.jsx';

/** How many flows the charts start with: those with the largest lag. */
const INITIAL_CHARTED = 5;

async function loadConnector(name) {
  const [info, status, flows] = await Promise.all([get(`/connectors/${seg(name)}`),
    get(`/connectors/${seg(name)}/status`), get(`/flows?connector=${seg(name)}`).catch(() => [])]);
  const list = Array.isArray(flows) ? flows : [];
  return { info, status, flows: list, progress: recordConnector(name, list), arrived: performance.now() };
}

/** The PASSWORD keys of a connector type, loaded once per class; null until loaded. */
export function usePasswordKeys(className) {
  const [keys, setKeys] = useState(null);
  useEffect(() => {
    if (!className) return;
    setKeys(null);
    get(`/connector-plugins/${seg(className)}/config`).then((k) => setKeys(passwordKeysOf(k))).catch(() => setKeys(new Set()));
  }, [className]);
  return keys;
}

export function ConnectorPage({ name }) {
  const { data, error, reload } = usePoll(() => loadConnector(name), [name]);
  const [charted, setCharted] = useState(null);
  const page = useRef(null);
  const className = data?.info?.config?.['connector.class'];
  const passwordKeys = usePasswordKeys(className);

  // Render time: from the answer's arrival to the DOM committed, then to the next frame (painted).
  useLayoutEffect(() => {
    if (!data || !page.current) return;
    const committed = performance.now() - data.arrived;
    const element = page.current;
    requestAnimationFrame(() => setTimeout(() => {
      const painted = performance.now() - data.arrived;
      element.dataset.renderMs = committed.toFixed(1);
      element.dataset.paintMs = painted.toFixed(1);
      element.dataset.renderedFlows = String(data.flows.length);
      (window.ferryConsole.renders ??= []).push({ view: 'connector', flows: data.flows.length, committed, painted });
    }, 0));
  }, [data]);

  useEffect(() => {
    if (data && charted === null && data.flows.length) {
      setCharted([...data.flows].sort((a, b) => (b.offset_lag ?? 0) - (a.offset_lag ?? 0))
        .slice(0, INITIAL_CHARTED).map(flowKey));
    }
  }, [data]);

  if (!data) {
    return error ? <div><LoadError error={error} /><p><a href="#/">Back to the overview</a></p></div>
      : <p class="muted">Loading…</p>;
  }
  const { info, status, flows, progress } = data;
  const state = status.connector?.state ?? '?';
  const tasks = status.tasks ?? [];
  const failedTasks = tasks.filter((t) => t.trace || t.state === 'FAILED');
  const act = (question, path, method, done, confirmLabel, danger) => runAction({
    question, confirmLabel, danger, done, action: async () => {
      await api(method, path);
      reload();
    },
  });
  const base = `/connectors/${seg(name)}`;
  const remove = async () => {
    if (await runAction({ question: `Delete connector ${name}? Its flows stop and its offsets are deleted.`,
      confirmLabel: 'Delete', danger: true, done: `Connector ${name} deleted.`,
      action: () => api('DELETE', base) })) {
      forget(name);
      window.location.hash = '#/';
    }
  };

  return (
    <div ref={page} data-testid="connector-page" data-connector={name} data-state={state}>
      <LoadError error={error} />
      <section>
        <h2><a href="#/">Connectors</a> / {name} <span data-testid="state"><State state={state} /></span></h2>
        <p class="muted">
          <span title={className}>{simpleClass(className)}</span> · {info.type ?? status.type ?? '?'} ·
          {' '}{count(tasks.length)} task{tasks.length === 1 ? '' : 's'}, {count(tasks.filter((t) => t.state === 'RUNNING').length)} running
          {status.connector?.worker_id ? <> · connector on <span class="mono">{status.connector.worker_id}</span></> : ''}
        </p>
        <div class="buttons actions" data-testid="actions">
          {state !== 'PAUSED' && state !== 'STOPPED' && (
            <button data-testid="action-pause" onClick={() => act(`Pause connector ${name}? Its flows drain and keep their offsets.`,
              `${base}/pause`, 'PUT', `Pausing ${name}.`, 'Pause')}>Pause</button>)}
          {(state === 'PAUSED' || state === 'STOPPED') && (
            <button data-testid="action-resume" onClick={() => act(`Resume connector ${name}?`,
              `${base}/resume`, 'PUT', `Resuming ${name}.`, 'Resume')}>Resume</button>)}
          {state !== 'STOPPED' && (
            <button data-testid="action-stop" onClick={() => act(`Stop connector ${name}? Its flows are removed; offsets are kept.`,
              `${base}/stop`, 'PUT', `Stopping ${name}.`, 'Stop')}>Stop</button>)}
          <button data-testid="action-restart" onClick={() => act(`Restart connector ${name}?`,
            `${base}/restart`, 'POST', `Restarting ${name}.`, 'Restart')}>Restart</button>
          <button data-testid="action-restart-failed" disabled={failedTasks.length === 0}
            onClick={() => act(`Restart the ${failedTasks.length} failed task(s) of ${name}?`,
              `${base}/restart?includeTasks=true&onlyFailed=true`, 'POST', `Restarting failed tasks of ${name}.`, 'Restart failed')}>
            Restart failed tasks</button>
          <a class="button" href={`#/connectors/${encodeURIComponent(name)}/edit`} data-testid="action-edit">Edit config</a>
          <button class="danger" data-testid="action-delete" onClick={remove}>Delete</button>
        </div>
      </section>

      {(status.connector?.trace || failedTasks.length > 0) && (
        <section class="failures" data-testid="failures">
          <h3>Failures</h3>
          <Trace trace={status.connector?.trace} testid="connector-trace" />
          {failedTasks.slice(0, 50).map((t) => (
            <div key={t.id}><strong>task {t.id}</strong> <State state={t.state} /> <Trace trace={t.trace} testid="task-trace" /></div>
          ))}
        </section>
      )}

      <Progress progress={progress} />
      {flows.length > 0 && <Charts name={name} charted={charted ?? []} />}
      {flows.length > 0 && (
        <section>
          <h3>Partitions on nodes</h3>
          <PartitionMap flows={flows} />
        </section>
      )}
      <section>
        <h3>Flows</h3>
        {flows.length === 0 ? <p class="muted">No flows{state === 'STOPPED' ? ' (STOPPED connectors have none)' : ''}.</p> : (
          <FlowsTable flows={flows} charted={charted ?? []}
            onChart={(key, on) => setCharted((c) => on ? [...(c ?? []), key] : (c ?? []).filter((k) => k !== key))}
            onRestart={(f) => act(`Restart task ${f.task} (${f.topic}-${f.partition}) of ${name}? It resumes from its persisted offset.`,
              `${base}/tasks/${f.task}/restart`, 'POST', `Restarting task ${f.task}.`, 'Restart task')} />
        )}
      </section>
      {/MirrorCheckpoint/.test(className ?? '') && <CheckpointGroups config={info.config ?? {}} />}
      <section>
        <h3>Config</h3>
        <ConfigTable config={info.config ?? {}} passwordKeys={passwordKeys ?? new Set()} />
      </section>
      <section>
        <h3>Offsets</h3>
        <OffsetsPanel name={name} state={state} onChanged={reload} />
      </section>
    </div>
  );
}

function Progress({ progress }) {
  if (!progress || progress.flows === 0) return null;
  const percent = (progress.fraction * 100).toFixed(1);
  const states = Object.entries(progress.states).map(([s, n]) => `${n} ${s}`).join(', ');
  return (
    <section class="progress" data-testid="progress">
      <div class="bar"><div class="fill" style={{ width: `${percent}%` }} /></div>
      <div class="figures">
        <span><strong>{percent}%</strong></span>
        <span>lag <strong data-testid="progress-lag">{progress.unknownLag > 0 ? '?' : count(progress.lag)}</strong></span>
        <span>time lag <strong>{duration(progress.timeLagMs)}</strong></span>
        <span><strong data-testid="progress-rate">{rate(progress.perSecond)}</strong> rec/s</span>
        <span>ETA <strong data-testid="eta">{progress.caughtUp ? 'caught up' : progress.etaSeconds < 0 ? '?' : clock(progress.etaSeconds)}</strong></span>
        <span><strong data-testid="progress-flows">{count(progress.flows)}</strong> flows: {states}</span>
        <span class="muted">{count(progress.replicated)} records replicated</span>
      </div>
    </section>
  );
}

function Charts({ name, charted }) {
  const history = samples(name);
  const times = history.map((s) => s.t);
  const perFlow = (index) => charted.map((key) => ({ label: key, values: history.map((s) => s.perFlow.get(key)?.[index] ?? null) }));
  return (
    <section class="charts">
      <h3>Last {Math.max(1, Math.round((times.length ? times[times.length - 1] - times[0] : 0) / 60000))} min
        <span class="muted"> (since this page opened; tick flows in the table to chart them)</span></h3>
      <div class="chart-row">
        <TimeChart title="Records/s" times={times} testid="chart-rate"
          series={[{ label: 'total', values: history.map((s) => s.rate) }, ...perFlow(0)]} />
        <TimeChart title="Offset lag" times={times} testid="chart-lag"
          series={[{ label: 'total', values: history.map((s) => s.lag) }, ...perFlow(1)]} />
      </div>
    </section>
  );
}

function ConfigTable({ config, passwordKeys }) {
  return (
    <table class="grid config" data-testid="config">
      <tbody>
        {Object.keys(config).sort().map((key) => (
          <tr key={key}><td class="mono">{key}</td>
            <td class="mono value" data-key={key}>{isSecret(key, passwordKeys) && config[key] ? REDACTED : config[key]}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** A MirrorMaker 2 checkpoint connector's groups: which it selects and where their checkpoints go. */
function CheckpointGroups({ config }) {
  const alias = config['source.cluster.alias'] ?? '?';
  const rows = [
    ['groups (regexes)', config.groups ?? '.* (default)'],
    ['groups.exclude', config['groups.exclude'] ?? 'console-consumer-.*, connect-.*, __.* (default)'],
    ['checkpoints topic (target)', `${alias}.checkpoints.internal`],
    ['emit.checkpoints.interval.seconds', config['emit.checkpoints.interval.seconds'] ?? '60 (default)'],
    ['sync.group.offsets.enabled', config['sync.group.offsets.enabled'] ?? 'false (default)'],
  ];
  return (
    <section data-testid="checkpoint-groups">
      <h3>Consumer groups translated</h3>
      <table class="grid config"><tbody>
        {rows.map(([k, v]) => <tr key={k}><td>{k}</td><td class="mono">{v}</td></tr>)}
      </tbody></table>
    </section>
  );
}
