// Ferry's web console: a single page served by every node at /ui, reading only the public REST API.
// Views by URL hash: #/ (overview), #/new (create), #/connectors/{name} and #/connectors/{name}/edit.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, seg } from './api.js';
import { ConnectorPage, usePasswordKeys } from './connector.jsx';
import { ConnectorEditor } from './editor.jsx';
import { INTERVALS, setRefreshInterval, useRefreshInterval } from './live.js';
import { Overview } from './overview.jsx';
import { ConfirmDialog, LoadError, Notices } from './ui.jsx';
import './style.css';

window.ferryConsole = window.ferryConsole ?? {};

function useHash() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

function EditRoute({ name }) {
  const [state, setState] = useState({ config: null, error: null });
  useEffect(() => {
    get(`/connectors/${seg(name)}/config`).then((config) => setState({ config, error: null }))
      .catch((error) => setState({ config: null, error }));
  }, [name]);
  const keys = usePasswordKeys(state.config?.['connector.class']);
  if (state.error) return <LoadError error={state.error} />;
  if (!state.config || (state.config['connector.class'] && !keys)) return <p class="muted">Loading…</p>;
  return <ConnectorEditor name={name} original={state.config} secretKeys={keys ?? undefined} />;
}

function Route({ hash }) {
  const path = hash.replace(/^#/, '') || '/';
  const connector = path.match(/^\/connectors\/([^/]+)(\/edit)?$/);
  if (path === '/new') return <ConnectorEditor />;
  if (connector && connector[2]) return <EditRoute key={path} name={decodeURIComponent(connector[1])} />;
  if (connector) return <ConnectorPage key={path} name={decodeURIComponent(connector[1])} />;
  return <Overview />;
}

function RefreshPicker() {
  const ms = useRefreshInterval();
  return (
    <label class="refresh">Refresh{' '}
      <select value={ms} onChange={(e) => setRefreshInterval(Number(e.currentTarget.value))} data-testid="refresh">
        {INTERVALS.map((i) => <option key={i} value={i}>{i === 0 ? 'paused' : `every ${i / 1000} s`}</option>)}
      </select>
    </label>
  );
}

function App() {
  const hash = useHash();
  const [server, setServer] = useState(null);
  useEffect(() => {
    get('/').then(setServer).catch(() => setServer(null));
  }, []);
  return (
    <>
      <header>
        <a href="#/" class="brand">Ferry</a>
        <nav>
          <a href="#/">Overview</a>
          <a href="#/new">New connector</a>
        </nav>
        <span class="muted node">{window.location.host}{server ? ` · ${server.version}` : ''}</span>
        <RefreshPicker />
      </header>
      <main>
        <Route hash={hash} />
      </main>
      <ConfirmDialog />
      <Notices />
    </>
  );
}

render(<App />, document.getElementById('app'));
