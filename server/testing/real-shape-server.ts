import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer } from './child-process.ts';
import { startRealShapeUpstream } from './real-shape-upstream.ts';

/**
 * The built server (dist-server/start.mjs) pointed, as at the real API, at the real-shape stand-in, which sits in
 * front of a sandbox with the demo data (docs/decisions/0093-real-shape-stand-in.md). Playwright's real-shape project
 * starts this; PORT and HOST are our server's.
 */
const APP_KEY = 'real-shape-app-key';
const SECRET_KEY = 'real-shape-secret-key';

const dataDir = mkdtempSync(join(tmpdir(), 'callboard-real-shape-'));
const sandbox = await startChildServer('server/testing/sandbox-process.ts', {
  SANDBOX_DB: join(dataDir, 'sandbox.db'),
  SANDBOX_APP_KEY: APP_KEY,
  SANDBOX_SECRET_KEY: SECRET_KEY,
});
const standIn = await startRealShapeUpstream({ target: sandbox.url });
console.log(`[real-shape] sandbox ${sandbox.url}, stand-in ${standIn.url}`);

const server = spawn(process.execPath, ['dist-server/start.mjs'], {
  env: {
    ...process.env,
    CEA_API_URL: standIn.url,
    CEA_APP_KEY: APP_KEY,
    CEA_SECRET_KEY: SECRET_KEY,
    SESSION_SECRET: 'real-shape-session-secret-of-at-least-32-characters',
    DATA_DIR: dataDir,
  },
  stdio: 'inherit',
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await standIn.close();
  await sandbox.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}
server.once('exit', (code) => void stop(code ?? 1));
process.once('SIGTERM', () => void stop(0));
process.once('SIGINT', () => void stop(0));
