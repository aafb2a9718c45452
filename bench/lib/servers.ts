import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// @ts-expect-error -- a plain ES module script without types
import { buildServer } from '../../scripts/build.mjs';
import { RUN_DIR } from './data.ts';
import { startProcess, type Started } from './processes.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/** BENCH_PORT moves the three ports, so a second bench can run beside the first. */
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4331);
export const SERVER_PORT = BASE_PORT;
export const PEER_PORT = BASE_PORT + 1;
export const FLOOR_PORT = BASE_PORT + 2;
export const BENCH_KEYS = { appKey: 'bench-app-key', secretKey: 'bench-secret-key' } as const;

export interface ProductServer extends Started {
  url: string;
  sandboxUrl: string;
}

const SANDBOX_URL = /embedded sandbox at (\S+)/;
let serverBuilt: Promise<void> | null = null;

/**
 * Builds the server once a run. esbuild's helper process is stopped after, not kept for the run: an area that ends
 * leaves nothing running, and a build cut short by a deadline is tried again by the next area.
 */
function buildServerOnce(): Promise<void> {
  const stopEsbuild = async () => (await import('esbuild')).stop();
  serverBuilt ??= (buildServer() as Promise<void>).then(stopEsbuild, async (error: unknown) => {
    serverBuilt = null;
    await stopEsbuild();
    throw error;
  });
  return serverBuilt;
}

/** `npm start`'s command (package.json): its leading VAR=value pairs as environment, then node and its arguments. */
function startCommand(): { env: Record<string, string>; args: string[] } {
  const words = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
  const node = words.indexOf('node');
  return { env: Object.fromEntries(words.slice(0, node).map((pair) => pair.split('=') as [string, string])), args: words.slice(node + 1) };
}

/**
 * Our server as `npm start` runs it (the bundled server with its node flags, the built app, the embedded sandbox on
 * `databasePath`), with known API keys so the bench can also sign requests to the sandbox, whose address it prints.
 * `env.PORT` runs a second one beside the first.
 */
export async function startProductServer(databasePath: string, env: Record<string, string> = {}): Promise<ProductServer> {
  await buildServerOnce();
  const command = startCommand();
  const port = Number(env.PORT ?? SERVER_PORT);
  const started = await startProcess({
    label: 'our server',
    args: command.args,
    cwd: ROOT,
    env: {
      ...command.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SANDBOX_DB: databasePath,
      DATA_DIR: join(RUN_DIR, 'data'),
      CEA_APP_KEY: BENCH_KEYS.appKey,
      CEA_SECRET_KEY: BENCH_KEYS.secretKey,
      SESSION_SECRET: 'bench-session-secret-bench-session-secret',
      SANDBOX_CLOCK_SPEED: '1',
      ...env,
    },
    // Ready once it has said where the sandbox is (its last line before serving) and answers.
    readyFrom: (output) => (SANDBOX_URL.test(output) ? `http://127.0.0.1:${port}/api/health` : null),
  });
  const sandboxUrl = SANDBOX_URL.exec(started.output())![1]!;
  return { ...started, url: `http://127.0.0.1:${port}`, sandboxUrl };
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
