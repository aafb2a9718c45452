import { join, resolve } from 'node:path';
import { RUN_DIR } from './data.ts';
import { startProcess, type Started } from './processes.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SERVER_PORT = 4331;
export const PEER_PORT = 4332;
export const FLOOR_PORT = 4333;
export const BENCH_KEYS = { appKey: 'bench-app-key', secretKey: 'bench-secret-key' } as const;

export interface ProductServer extends Started {
  url: string;
  sandboxUrl: string;
}

/**
 * Our server as `npm start` runs it (built app, embedded sandbox on `databasePath`), with known API keys so the
 * bench can sign requests to the sandbox directly.
 */
export async function startProductServer(databasePath: string, env: Record<string, string> = {}): Promise<ProductServer> {
  const started = await startProcess({
    label: 'our server',
    args: ['--import', 'tsx', join(ROOT, 'bench/servers/product-server.ts')],
    env: {
      PORT: String(SERVER_PORT),
      HOST: '127.0.0.1',
      SANDBOX_DB: databasePath,
      DATA_DIR: join(RUN_DIR, 'data'),
      CEA_APP_KEY: BENCH_KEYS.appKey,
      CEA_SECRET_KEY: BENCH_KEYS.secretKey,
      SESSION_SECRET: 'bench-session-secret-bench-session-secret',
      SANDBOX_CLOCK_SPEED: '1',
      ...env,
    },
    readyFrom: (announced) => `${String(announced.url)}/api/health`,
  });
  const announced = started.announced as { url: string; sandboxUrl: string };
  return { ...started, url: announced.url, sandboxUrl: announced.sandboxUrl };
}

/** json-server 0.17.4 on a copy of its db.json (a POST rewrites the file); ready when it serves the first contact. */
export function startJsonServer(dataFile: string, firstId: number): Promise<Started> {
  return startProcess({
    label: 'json-server',
    args: [join(ROOT, 'node_modules/json-server/lib/cli/bin.js'), dataFile, '--port', String(PEER_PORT), '--id', 'PersonID', '--quiet'],
    readyUrl: `http://127.0.0.1:${PEER_PORT}/contacts/${firstId}`,
    timeoutMs: 300_000,
  });
}
