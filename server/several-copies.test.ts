import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBffApp } from './bff/app.ts';
import { connectSharedStore, type SharedStore } from './bff/shared-store.ts';
import { createLogger } from './http/log.ts';
import { DEMO_MASTER, createBrowser, startTestSandbox } from './testing/test-server.ts';

/**
 * Two copies of our server on one API and one Redis (decision 174): what one copy learns, the other knows; with
 * Redis down both keep answering, refuse sessions and logins, and say they are not ready.
 */
const keys = { appKey: 'copies-app-key', secretKey: 'copies-secret-key' };
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let redisDir: string;
let redisPort: number;
let redis: ChildProcess;
const stores: SharedStore[] = [];
const logLines: string[] = [];
const startedAt = Date.now();

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Waits until `check` holds (outside a test, where expect.poll is not available). */
async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  for (const giveUpAt = Date.now() + timeoutMs; !(await check());) {
    if (Date.now() > giveUpAt) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const redisAnswers = () =>
  new Promise<boolean>((resolve) => {
    const socket = connect(redisPort, '127.0.0.1', () => socket.end(() => resolve(true)));
    socket.on('error', () => resolve(false));
  });

async function startRedis() {
  redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await until(redisAnswers);
}

function copy() {
  const log = createLogger({
    level: 'info',
    pretty: false,
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  });
  const store = connectSharedStore(`redis://127.0.0.1:${redisPort}`, log);
  stores.push(store);
  const app = createBffApp({
    apiUrl: sandbox.url,
    ...keys,
    sessionSecret: 'c'.repeat(40),
    sessionIdleMs: 3_600_000,
    sessionMaxMs: 3_600_000,
    trustProxy: false,
    sandbox: true,
    revokedSessionsFile: null,
    sharedStore: store,
    log,
    // A clock that stands still, so no login wait runs out while a slow machine answers the attempts before it.
    now: () => startedAt,
  });
  return { app, browser: () => createBrowser('http://callboard.test', (url, init) => app.request(url, init)) };
}

let a: ReturnType<typeof copy>;
let b: ReturnType<typeof copy>;

beforeAll(async () => {
  sandbox = await startTestSandbox(keys);
  redisDir = mkdtempSync(join(tmpdir(), 'callboard-redis-'));
  redisPort = await freePort();
  await startRedis();
  a = copy();
  b = copy();
  await until(async () => (await a.app.request('/api/ready')).status === 200 && (await b.app.request('/api/ready')).status === 200);
}, 60_000);

afterAll(async () => {
  for (const store of stores) await store.close();
  redis?.kill('SIGKILL');
  await sandbox?.close();
  rmSync(redisDir, { recursive: true, force: true });
});

describe('two copies sharing Redis', () => {
  it('a logout on one copy is refused on the other', async () => {
    const onA = a.browser();
    await onA.login();
    const onB = b.browser();
    const sealed = onA.cookie;
    onB.cookie = sealed;
    expect((await onB.request('GET', '/api/session')).status).toBe(200);
    expect((await onA.request('DELETE', '/api/session')).status).toBe(200);
    // Refused by B itself, before asking the API (which also ended the session's AuthToken, decision 115).
    const refusedWithoutTheApi = async () => {
      // The same cookie each time: an answer that clears it must not make the next look signed out.
      onB.cookie = sealed;
      const answer = await onB.request('GET', '/api/session');
      const id = answer.headers.get('x-request-id');
      const line = logLines.map((text) => JSON.parse(text) as { requestId?: string; upstreamMs?: number }).find((entry) => entry.requestId === id);
      return answer.status === 401 && line?.upstreamMs === 0;
    };
    await expect.poll(refusedWithoutTheApi).toBe(true);
  });

  it('counts wrong PIN codes across both copies', async () => {
    const wrong = { UserName: 'leia@cea', PinCode: 'not-her-pin' };
    for (let attempt = 0; attempt < 3; attempt++) expect((await a.browser().request('POST', '/api/session', wrong)).status).toBe(401);
    for (let attempt = 0; attempt < 3; attempt++) expect((await b.browser().request('POST', '/api/session', wrong)).status).toBe(401);
    // Five free failures, and a sixth, are spent between them: the next waits, on either copy.
    expect((await a.browser().request('POST', '/api/session', wrong)).status).toBe(429);
  });

  it('a broadcast sent on one copy and retried on the other with the same Idempotency-Key is sent once', async () => {
    const onA = a.browser();
    await onA.login(DEMO_MASTER);
    const onB = b.browser();
    onB.cookie = onA.cookie;
    // The body the wizard sends for a text sent now to one pasted number (toCreateInput), under the wizard's header.
    const broadcast = {
      BroadcastName: 'Retried on the other copy',
      BroadcastType: 'SMS',
      StartDate: '',
      CheckCallingWindow: false,
      ContinueOnNextDay: false,
      PrimaryPhoneNumbersOnly: false,
      Contacts: [{ PrimaryPhone: '6053201234' }],
      TextMessage: 'Sent once',
    };
    const named = async () => {
      const list = await onA.request('GET', `/api/v1/broadcasts?BroadcastName=${encodeURIComponent(broadcast.BroadcastName)}`);
      return ((await list.json()) as { Items: Array<{ BroadcastID: number }> }).Items;
    };
    expect(await named()).toEqual([]);
    const first = await onA.request('POST', '/api/v1/broadcasts', broadcast, { 'idempotency-key': 'copies-send-0001' });
    expect(first.status).toBe(200);
    const retry = await onB.request('POST', '/api/v1/broadcasts', broadcast, { 'idempotency-key': 'copies-send-0001' });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const sent = (await first.json()) as { BroadcastID: number };
    expect(await retry.json()).toEqual(sent);
    expect((await named()).map((item) => item.BroadcastID)).toEqual([sent.BroadcastID]);
  });

  it('with Redis down: still answering, not ready, refusing sessions and logins; back to work when it returns', async () => {
    const onA = a.browser();
    await onA.login();
    redis.kill('SIGKILL');
    await expect.poll(async () => (await a.app.request('/api/ready')).status).toBe(503);
    // Each copy finds out on its own connection: B may take a moment longer than A.
    await expect.poll(async () => (await b.app.request('/api/ready')).json()).toMatchObject({ Checks: { api: true, redis: false } });
    expect((await a.app.request('/api/health')).status).toBe(200);
    expect((await onA.request('GET', '/api/session')).status).toBe(401);
    expect((await b.browser().request('POST', '/api/session', DEMO_MASTER)).status).toBe(429);
    expect(logLines.join('')).toContain('shared store (REDIS_URL) unreachable');

    await startRedis();
    await expect.poll(async () => (await b.app.request('/api/ready')).status, { timeout: 15_000 }).toBe(200);
    await expect.poll(async () => (await b.browser().request('POST', '/api/session', DEMO_MASTER)).status, { timeout: 10_000 }).toBe(200);
  }, 60_000);
});
