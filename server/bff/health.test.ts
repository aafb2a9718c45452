import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../testing/test-server.ts';
import { createBffApp, type BffOptions } from './app.ts';

const keys = { appKey: 'health-app-key', secretKey: 'health-secret-key' };
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  sandbox = await startTestSandbox(keys);
});
afterAll(async () => {
  await sandbox.close();
});

const app = (options: Partial<BffOptions> = {}) =>
  createBffApp({
    apiUrl: sandbox.url,
    ...keys,
    sessionSecret: 'h'.repeat(40),
    sessionIdleMs: 60_000,
    sessionMaxMs: 3_600_000,
    trustProxy: false,
    sandbox: true,
    revokedSessionsFile: null,
    ...options,
  });

describe('health and readiness', () => {
  it('is alive and ready while the API answers', async () => {
    const server = app();
    expect((await server.request('/api/health')).status).toBe(200);
    const ready = await server.request('/api/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ Status: 'ready', Checks: { api: true } });
  });

  it('is alive but not ready (503) when the API cannot be reached', async () => {
    const server = app({ apiUrl: 'http://127.0.0.1:1' });
    expect((await server.request('/api/health')).status).toBe(200);
    const ready = await server.request('/api/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ Status: 'not ready', Checks: { api: false } });
  });

  it('is not ready when a shared store does not answer, or while shutting down', async () => {
    const storeDown = app({ readinessChecks: [{ name: 'redis', check: () => Promise.resolve(false) }] });
    const down = await storeDown.request('/api/ready');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ Checks: { api: true, redis: false } });

    const stopping = await app({ isStopping: () => true }).request('/api/ready');
    expect(stopping.status).toBe(503);
    expect(await stopping.json()).toMatchObject({ Status: 'stopping' });
  });
});
