import { SESSION_COOKIE } from '../bff/session-cookie.ts';
import { loadConfig } from '../config.ts';
import { startServer, type RunningServer } from '../main.ts';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox.ts';

export const DEMO_MASTER = { UserName: 'apitest@cea', PinCode: 'notmypwd123!!!' } as const;

/** Our server on a fresh in-memory sandbox with the demo data, on a free port, without the built SPA. */
export async function startTestServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadConfig({ PORT: '0', SANDBOX_DB: ':memory:', ...env });
  return startServer(config, { serveApp: false });
}

/** The sandbox alone, in memory with the demo data, for tests that put our server in front of it themselves. */
export function startTestSandbox(keys: { appKey: string; secretKey: string }): Promise<RunningSandbox> {
  return startSandbox({ databasePath: ':memory:', clockSpeed: 1, ...keys });
}

/**
 * A tiny browser stand-in: keeps the session cookie and sends the CSRF header on writes. It speaks HTTP by default;
 * `send` can hand the requests to an app in process instead (`app.request`).
 */
export function createBrowser(baseUrl: string, send: (url: string, init: RequestInit) => Response | Promise<Response> = fetch) {
  // Every cookie the server set (the session, the known-device cookie), by name.
  const jar = new Map<string, string>();
  const keep = (pair: string) => {
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    if (at < 0 || at === pair.length - 1) jar.delete(name);
    else jar.set(name, pair);
  };
  return {
    /** The session cookie as `name=value`, or '' when there is none. */
    get cookie() {
      return jar.get(SESSION_COOKIE) ?? '';
    },
    /** A session cookie from elsewhere: a copy of another browser's, say ('' drops it). */
    set cookie(value: string) {
      if (value === '') jar.delete(SESSION_COOKIE);
      else keep(value);
    },
    async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const cookie = [...jar.values()].join('; ');
      const response = await send(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(method === 'GET' ? {} : { 'x-requested-with': 'callboard' }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      for (const setCookie of response.headers.getSetCookie()) keep(setCookie.split(';')[0] ?? '');
      return response;
    },
    async login(credentials: { UserName: string; PinCode: string } = DEMO_MASTER) {
      const response = await this.request('POST', '/api/session', credentials);
      if (!response.ok) throw new Error(`Login failed: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    },
  };
}
