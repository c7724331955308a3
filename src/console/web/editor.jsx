// Create a connector, or edit one's config, from JSON or .properties text with live validation:
// every change is sent (debounced) to PUT /connector-plugins/{class}/config/validate and each key's
// errors are shown next to it. Create is POST /connectors; an edit is a PATCH of the changed keys
// only, so secrets shown redacted are never overwritten.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, get, seg } from './api.js';
import { configPatch, isSecret, parseConfig, passwordKeysOf, REDACTED, redact, toJson, toProperties, unredact } from './config.js';
import { LoadError, notify, runAction } from './ui.jsx';

const VALIDATE_DELAY_MS = 400;

/** The editor. `name`, `original` (the stored config) and `secretKeys` (its type's PASSWORD keys) are given when editing. */
export function ConnectorEditor({ name, original, secretKeys }) {
  const editing = name !== undefined;
  const [plugins, setPlugins] = useState([]);
  const [passwordKeys, setPasswordKeys] = useState(secretKeys ?? new Set());
  const [format, setFormat] = useState('json');
  const [text, setText] = useState(() => editing ? toJson(redact(original, secretKeys ?? new Set())) : '');
  const [validation, setValidation] = useState({ result: null, error: null, pending: false });
  const parsed = useMemo(() => parseConfig(text), [text]);
  const effective = useMemo(() => parsed.config ? (editing ? unredact(parsed.config, original) : parsed.config) : null,
    [parsed, original]);
  const connectorName = editing ? name : parsed.name;

  useEffect(() => {
    get('/connector-plugins').then((list) => setPlugins(Array.isArray(list) ? list : []))
      .catch((e) => notify('error', e.message));
  }, []);

  const pluginClass = effective?.['connector.class'];
  useEffect(() => {
    if (!pluginClass) return;
    get(`/connector-plugins/${seg(pluginClass)}/config`).then((keys) => setPasswordKeys(passwordKeysOf(keys)))
      .catch(() => setPasswordKeys(new Set()));
  }, [pluginClass]);

  useEffect(() => {
    if (!effective || !pluginClass) {
      setValidation({ result: null, error: null, pending: false });
      return undefined;
    }
    setValidation((v) => ({ ...v, pending: true }));
    let cancelled = false;
    const timer = setTimeout(() => {
      const body = { ...effective, name: connectorName ?? '' };
      api('PUT', `/connector-plugins/${seg(pluginClass)}/config/validate`, body)
        .then((result) => !cancelled && setValidation({ result, error: null, pending: false }))
        .catch((error) => !cancelled && setValidation({ result: null, error, pending: false }));
    }, VALIDATE_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [JSON.stringify(effective), connectorName]);

  const switchFormat = (next) => {
    if (parsed.config) {
      const shown = editing ? parsed.config : { ...parsed.config };
      if (!editing && next === 'properties' && parsed.name !== undefined) shown.name = parsed.name;
      setText(next === 'json' ? toJson(shown) : toProperties(shown));
    }
    setFormat(next);
  };

  const insertTemplate = async (className) => {
    if (!className) return;
    try {
      const keys = await get(`/connector-plugins/${seg(className)}/config`);
      const config = { name: 'my-connector', 'connector.class': className };
      for (const key of keys ?? []) if (key.required && !(key.name in config)) config[key.name] = '';
      setText(format === 'json' ? toJson(config) : toProperties(config));
    } catch (e) {
      notify('error', e.message);
    }
  };

  const errorCount = validation.result?.error_count ?? 0;
  const submit = async () => {
    if (!effective) return;
    if (editing) {
      const patch = configPatch(original, effective);
      const changed = Object.keys(patch).length;
      if (changed === 0) {
        notify('ok', 'Nothing changed.');
        return;
      }
      const ok = await runAction({
        question: `Apply ${changed} changed key${changed === 1 ? '' : 's'} (${Object.keys(patch).join(', ')}) to ${name}?`,
        confirmLabel: 'Apply', done: `Config of ${name} updated.`,
        action: () => api('PATCH', `/connectors/${seg(name)}/config`, patch),
      });
      if (ok) window.location.hash = `#/connectors/${encodeURIComponent(name)}`;
      return;
    }
    const config = { ...effective };
    delete config.name;
    const ok = await runAction({
      question: `Create connector ${connectorName}?`, confirmLabel: 'Create', done: `Connector ${connectorName} created.`,
      action: () => api('POST', '/connectors', { name: connectorName, config }),
    });
    if (ok) window.location.hash = `#/connectors/${encodeURIComponent(connectorName)}`;
  };

  return (
    <section class="editor">
      <h2>{editing ? <>Edit config of <a href={`#/connectors/${encodeURIComponent(name)}`}>{name}</a></> : 'New connector'}</h2>
      <div class="toolbar">
        <label>Format{' '}
          <select value={format} onChange={(e) => switchFormat(e.currentTarget.value)} data-testid="format">
            <option value="json">JSON</option>
            <option value="properties">properties</option>
          </select>
        </label>
        {!editing && (
          <label>Template{' '}
            <select onChange={(e) => insertTemplate(e.currentTarget.value)} data-testid="template">
              <option value="">choose a connector type…</option>
              {plugins.map((p) => <option key={p.class} value={p.class}>{p.class} ({p.type})</option>)}
            </select>
          </label>
        )}
        {editing && <span class="muted">Secrets show as {REDACTED}; leave them so to keep them. Only changed keys are sent.</span>}
      </div>
      <div class="editor-body">
        <textarea spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="config-text"
          placeholder={'{"name": "my-connector", "config": {"connector.class": "...", ...}}\n\nor\n\nname=my-connector\nconnector.class=...'} />
        <div class="validation" data-testid="validation">
          {parsed.error && <div class="key-error" data-testid="parse-error">{parsed.error}</div>}
          {!parsed.error && !pluginClass && <div class="key-error">Missing required configuration "connector.class".</div>}
          {!parsed.error && !editing && !connectorName && <div class="key-error">Missing "name".</div>}
          <LoadError error={validation.error} />
          <p class="muted" data-testid="validation-summary">
            {validation.pending ? 'Validating…' : validation.result
              ? (errorCount === 0 ? 'Valid.' : `${errorCount} error${errorCount === 1 ? '' : 's'}.`) : ''}
          </p>
          {effective && <KeyTable config={effective} result={validation.result} passwordKeys={passwordKeys} />}
        </div>
      </div>
      <div class="buttons">
        <button class="primary" onClick={submit} data-testid="submit"
          disabled={!effective || !pluginClass || (!editing && !connectorName) || validation.pending || errorCount > 0}>
          {editing ? 'Apply changes' : 'Create'}
        </button>
      </div>
    </section>
  );
}

/** Every key of the config, and every key validation has an error for, with its errors beside it. */
function KeyTable({ config, result, passwordKeys }) {
  const errors = new Map();
  const docs = new Map();
  for (const item of result?.configs ?? []) {
    const key = item.value?.name ?? item.definition?.name;
    if (item.value?.errors?.length) errors.set(key, item.value.errors);
    if (item.definition?.documentation) docs.set(key, item.definition.documentation);
  }
  const keys = [...new Set([...Object.keys(config), ...errors.keys()])];
  return (
    <table class="grid keys" data-testid="key-table">
      <thead><tr><th>Key</th><th>Value</th><th>Problem</th></tr></thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key} data-key={key} class={errors.has(key) ? 'invalid' : ''}>
            <td class="mono" title={docs.get(key)}>{key}</td>
            <td class="mono value">{config[key] === undefined ? <span class="muted">(not set)</span>
              : isSecret(key, passwordKeys) && config[key] ? REDACTED : config[key]}</td>
            <td>{(errors.get(key) ?? []).map((e) => <div class="key-error" data-testid="key-error" data-key={key}>{e}</div>)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
