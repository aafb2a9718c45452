import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './main.ts';
import { openDatabase } from './sandbox/db/database.ts';
import { addGeneratedContacts } from './sandbox/demo/bulk-contacts.ts';
import { seedDemoData } from './sandbox/demo/demo-data.ts';
import { SandboxStartError } from './sandbox/sandbox.ts';
import { createBrowser, startTestServer } from './testing/test-server.ts';

/** How our server runs the embedded sandbox: in its own thread (decision 0100), and what it says when it cannot. */

const dataDir = mkdtempSync(join(tmpdir(), 'callboard-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a busy sandbox', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // Enough contacts that sorting them by Notes (no index serves it) keeps the sandbox busy for a good while.
    const databasePath = join(dataDir, 'busy.db');
    const db = openDatabase(databasePath);
    seedDemoData(db, Date.now());
    addGeneratedContacts(db, 100_000, Date.now());
    db.close();
    server = await startTestServer({ SANDBOX_DB: databasePath, DATA_DIR: dataDir });
  }, 120_000);
  afterAll(() => server?.close());

  it('does not hold up the dashboard: /api/health answers all through a costly sort', async () => {
    const browser = createBrowser(server.url);
    await browser.login();
    let heavyDone = false;
    const heavy = browser.request('GET', '/api/v1/contacts?sortby=-Notes,LastName,FirstName&page=10&pagesize=1000').then(async (response) => {
      heavyDone = true;
      return { status: response.status, body: await response.text() };
    });

    // Counted by order, not by how long each took (a slow moment on a busy machine is no failure): on one thread the
    // sort holds every other request until it ends, so at most the check that got in before it is answered meanwhile;
    // with the sandbox in its own thread, check after check is answered while the sort still runs.
    const enough = 5;
    let answeredDuringSort = 0;
    while (!heavyDone && answeredDuringSort < enough) {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      await health.arrayBuffer();
      if (!heavyDone) answeredDuringSort += 1;
    }
    const { status, body } = await heavy;
    expect(status, body.slice(0, 300)).toBe(200);
    expect(answeredDuringSort).toBe(enough);
  }, 60_000);

  it('/v1 on the dashboard port answers 404 in the API error body, naming the sandbox address', async () => {
    const response = await fetch(`${server.url}/v1/contacts`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { ErrorName: string; Message: string };
    expect(body.ErrorName).toBe('NotFound');
    expect(body.Message).toContain(`${server.sandbox!.url}/v1/`);
  });
});

// Each test here starts a sandbox in a fresh thread, which takes seconds on a busy machine.
describe('starting and stopping the sandbox', () => {
  it('a sandbox that cannot start stops start-up with its own message', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const starting = startTestServer({ SANDBOX_PORT: String(port), DATA_DIR: dataDir });
      await expect(starting).rejects.toThrow(SandboxStartError);
      await expect(starting).rejects.toThrow(`SANDBOX_PORT: port ${port} on 127.0.0.1 is already in use.`);
    } finally {
      taken.close();
    }
  }, 30_000);

  it('listens on SANDBOX_PORT, and close() ends it', async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise<void>((resolve) => free.close(() => resolve()));

    const server = await startTestServer({ SANDBOX_PORT: String(port), DATA_DIR: dataDir });
    expect(server.sandbox!.url).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${server.sandbox!.url}/v1/contacts`)).status).toBe(401);
    let crashed = false;
    void server.sandbox!.crashed.then(() => (crashed = true));
    await server.close();
    await expect(fetch(`${server.sandbox!.url}/v1/contacts`)).rejects.toThrow();
    expect(crashed).toBe(false);
  }, 30_000);
});
