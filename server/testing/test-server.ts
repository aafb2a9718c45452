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
  let cookie = '';
  return {
    get cookie() {
      return cookie;
    },
    /** A cookie from elsewhere: a copy of another browser's, say. */
    set cookie(value: string) {
      cookie = value;
    },
    async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
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
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) {
        const [pair] = setCookie.split(';');
        cookie = pair?.endsWith('=') ? '' : (pair ?? '');
      }
      return response;
    },
    async login(credentials: { UserName: string; PinCode: string } = DEMO_MASTER) {
      const response = await this.request('POST', '/api/session', credentials);
      if (!response.ok) throw new Error(`Login failed: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    },
  };
}
