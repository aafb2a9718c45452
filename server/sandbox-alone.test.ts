import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startChildServer, type ChildServer } from './testing/child-process.ts';

/**
 * `npm run sandbox` and README's "Calling the sandbox from your own code": each example program in docs/examples
 * logs in to the sandbox running alone and lists contacts, with a maintained OAuth 1.0a library, not our signer.
 */

const run = promisify(execFile);
const EXAMPLES = join(import.meta.dirname, '..', 'docs', 'examples');
/** Debian's Python, where python3-requests-oauthlib installs (a python3 earlier on PATH may be another one). */
const DEBIAN_PYTHON = '/usr/bin/python3';

let sandbox: ChildServer;
let env: Record<string, string>;
const dataDir = mkdtempSync(join(tmpdir(), 'callboard-sandbox-alone-'));

beforeAll(async () => {
  sandbox = await startChildServer('server/sandbox-alone.ts', { DATA_DIR: dataDir, SANDBOX_DB: ':memory:', SANDBOX_PORT: '0' });
  // The address comes first; the keys and logins follow it, perhaps in a later chunk of output.
  await vi.waitFor(() => expect(sandbox.output).toContain('han@cea'), { timeout: 10_000 });
  const key = (name: string) => new RegExp(`${name}\\s+(\\S+)`).exec(sandbox.output)?.[1] ?? '';
  env = { ...(process.env as Record<string, string>), CEA_API_URL: sandbox.url, CEA_APP_KEY: key('AppKey'), CEA_SECRET_KEY: key('SecretKey') };
}, 60_000);
afterAll(async () => {
  await sandbox?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/** What each example prints: the account's contact count, then one line per contact. */
const LISTED = /^\d+ contacts; the first 5:\n( {2}\d+ .+\n){5}$/;

// Each example is a program of its own, started cold; room for a busy machine.
describe('npm run sandbox', { timeout: 30_000 }, () => {
  it('prints its address, its keys and the demo logins', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.CEA_APP_KEY).toMatch(/^\S{20,}$/);
    expect(env.CEA_SECRET_KEY).toMatch(/^\S{20,}$/);
    expect(sandbox.output).toContain('apitest@cea');
    expect(sandbox.output).toContain('notmypwd123!!!');
  });

  it('README shows the example programs as they are', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    for (const file of ['list-contacts.mjs', 'list-contacts.py', 'list-contacts.sh']) {
      expect(readme, `README shows docs/examples/${file}`).toContain(readFileSync(join(EXAMPLES, file), 'utf8').trim());
    }
  });

  it('the Node example (oauth-1.0a from npm) logs in and lists contacts', async () => {
    const { stdout } = await run(process.execPath, [join(EXAMPLES, 'list-contacts.mjs')], { env });
    expect(stdout).toMatch(LISTED);
  });

  it('the Python example (requests-oauthlib) logs in and lists contacts', async () => {
    const check = await run(DEBIAN_PYTHON, ['-c', 'import requests_oauthlib']).catch((error: Error) => error);
    if (check instanceof Error) {
      throw new Error(`${DEBIAN_PYTHON} cannot import requests_oauthlib: install it with apt-get install python3-requests-oauthlib`);
    }
    const { stdout } = await run(DEBIAN_PYTHON, [join(EXAMPLES, 'list-contacts.py')], { env });
    expect(stdout).toMatch(LISTED);
  });

  // curl is not part of what the project needs; the example runs wherever curl is installed.
  it.runIf(spawnSync('curl', ['--version']).status === 0)('the curl example logs in and lists contacts', async () => {
    const { stdout } = await run('sh', [join(EXAMPLES, 'list-contacts.sh')], { env });
    const page = JSON.parse(stdout) as { Size: number; Items: { PersonID: number }[] };
    expect(page.Items).toHaveLength(5);
    expect(page.Size).toBeGreaterThan(4000);
  });
});
