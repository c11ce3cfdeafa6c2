// The public API, called with the session cookie; unsafe methods send the session's CSRF token.
let csrf = null;

export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || 'HTTP ' + status);
    this.status = status;
    this.body = body;
  }
}

// One request for the token however many callers ask at once (the header's sign-out form and a page's first write).
function csrfToken() {
  if (csrf === null) {
    csrf = call('GET', '/me/sessions/current').then((session) => session.body.csrfToken);
    csrf.catch(() => {
      csrf = null;
    });
  }
  return csrf;
}

/** Sends one request; answers {status, body, etag}; throws Problem on a 4xx/5xx the caller did not expect. */
export async function call(method, path, { body, headers = {}, expect = [] } = {}) {
  const sent = { Accept: 'application/json', ...headers };
  if (body !== undefined) {
    sent['Content-Type'] = 'application/json';
  }
  if (!['GET', 'HEAD'].includes(method)) {
    sent['X-CSRF-Token'] = await csrfToken();
  }
  const response = await fetch('/api/v1' + path, {
    method,
    headers: sent,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = null;
    }
  }
  if (response.status === 401) {
    // The session ended: sign in again and come back here.
    location.assign('/sign-in?next=' + encodeURIComponent(location.pathname + location.search));
    throw new Problem(401, parsed);
  }
  if (response.status >= 400 && !expect.includes(response.status)) {
    throw new Problem(response.status, parsed);
  }
  return { status: response.status, body: parsed, etag: response.headers.get('ETag') };
}

export const get = (path, options) => call('GET', path, options).then((r) => r.body);

/** Every item of a paged list, following nextCursor (at most `pages` pages). */
export async function all(path, pages = 10) {
  const items = [];
  let cursor = null;
  for (let i = 0; i < pages; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(path + sep + 'limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return items;
}

export function signOutToken() {
  return csrfToken();
}
