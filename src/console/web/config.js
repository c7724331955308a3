// Connector configs in the console: secrets redacted for display, JSON and .properties parsing and
// printing (the formats `ferry connectors create -f` takes), and the PATCH that an edit amounts to.

/** What a secret's value shows as. */
export const REDACTED = '********';

const SECRET_KEY = /password|secret|jaas|token|credential|api[._-]?key|private[._-]?key|access[._-]?key|keystore\.key/i;

/** Whether a key holds a secret: a PASSWORD key of the connector type, or a name that says so. */
export function isSecret(key, passwordKeys) {
  return passwordKeys.has(key) || SECRET_KEY.test(key);
}

/** The config with every secret's value replaced by REDACTED. */
export function redact(config, passwordKeys) {
  const out = {};
  for (const [key, value] of Object.entries(config ?? {})) {
    out[key] = isSecret(key, passwordKeys) && value ? REDACTED : value;
  }
  return out;
}

/** The keys of type PASSWORD in GET /connector-plugins/{class}/config (empty when unknown). */
export function passwordKeysOf(keyInfos) {
  return new Set((Array.isArray(keyInfos) ? keyInfos : []).filter((k) => k.type === 'PASSWORD').map((k) => k.name));
}

function stringValues(object) {
  const out = {};
  for (const [key, value] of Object.entries(object)) {
    out[key] = value === null ? null : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

/**
 * Parses what the user typed: JSON (`{"name","config":{...}}` or a flat object, "name" included)
 * or .properties (`key=value` lines, `#` comments). Returns { name, config } or { error }.
 */
export function parseConfig(text) {
  const trimmed = text.trim();
  if (!trimmed) return { error: 'Type a config: JSON or key=value lines.' };
  if (trimmed.startsWith('{')) {
    let json;
    try {
      json = JSON.parse(trimmed);
    } catch (e) {
      return { error: `Not valid JSON: ${e.message}` };
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return { error: 'The JSON must be an object.' };
    if (json.config && typeof json.config === 'object') {
      return { name: json.name === undefined ? undefined : String(json.name), config: stringValues(json.config) };
    }
    const config = stringValues(json);
    return { name: config.name ?? undefined, config };
  }
  const config = {};
  const lines = trimmed.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].trim();
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i].trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const at = line.search(/[=:]/);
    if (at <= 0) return { error: `Line ${i + 1} is not key=value: ${line}` };
    config[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { name: config.name, config };
}

/** A config as pretty JSON (flat, as PUT /connectors/{name}/config takes it). */
export function toJson(config) {
  return JSON.stringify(config, null, 2);
}

/** A config as .properties lines, keys sorted. */
export function toProperties(config) {
  return Object.keys(config).sort().map((key) => `${key}=${config[key]}`).join('\n');
}

/** The edited config with secrets still REDACTED put back to their stored values. */
export function unredact(edited, original) {
  const out = {};
  for (const [key, value] of Object.entries(edited)) {
    out[key] = value === REDACTED && original[key] !== undefined ? original[key] : value;
  }
  return out;
}

/** The PATCH body of an edit: changed or added keys with their value, removed keys as null. */
export function configPatch(original, edited) {
  const patch = {};
  for (const [key, value] of Object.entries(edited)) {
    if (original[key] !== value) patch[key] = value;
  }
  for (const key of Object.keys(original)) {
    if (!(key in edited)) patch[key] = null;
  }
  return patch;
}
