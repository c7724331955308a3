// The console's only way to the node: the public REST API, on the origin that served the page
// (so it works through any node and inherits the API's protection). Errors carry the API's message.

/** An answer other than 2xx: `message` is the API's own `{"error_code","message"}` text when it sent one. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The API's root: the page lives at <root>/ui/, whatever path prefix a proxy adds. */
const ROOT = new URL('..', window.location.href.split('#')[0]).pathname.replace(/\/$/, '');

/** Calls the API; resolves to the parsed JSON body (or null when empty), rejects with an ApiError. */
export async function api(method, path, body) {
  let response;
  try {
    response = await fetch(ROOT + path, {
      method,
      headers: body === undefined ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, `Cannot reach the node (${e.message}). Is it running?`);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const message = json && typeof json.message === 'string' ? json.message
      : `${method} ${path} answered ${response.status} ${response.statusText}${text && !json ? ': ' + text.slice(0, 300) : ''}`;
    throw new ApiError(response.status, message);
  }
  return json;
}

/** `encodeURIComponent` for a path segment (connector names may hold spaces or slashes). */
export const seg = encodeURIComponent;

export const get = (path) => api('GET', path);
