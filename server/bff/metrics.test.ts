import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MASTER, createBrowser, startTestSandbox } from '../testing/test-server.ts';
import { createBffApp, type BffOptions } from './app.ts';

const keys = { appKey: 'metrics-app-key', secretKey: 'metrics-secret-key' };
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  sandbox = await startTestSandbox(keys);
});
afterAll(async () => {
  await sandbox.close();
});

function server(options: Partial<BffOptions> = {}) {
  const app = createBffApp({
    apiUrl: sandbox.url,
    ...keys,
    sessionSecret: 'm'.repeat(40),
    sessionIdleMs: 60_000,
    sessionMaxMs: 3_600_000,
    trustProxy: false,
    sandbox: true,
    revokedSessionsFile: null,
    metrics: true,
    ...options,
  });
  return { app, browser: createBrowser('http://callboard.test', (url, init) => app.request(url, init)) };
}

const sample = (text: string, line: string) => text.split('\n').find((row) => row.startsWith(line));

describe('/api/metrics', () => {
  it('is not served unless METRICS is on', async () => {
    expect((await server({ metrics: false }).app.request('/api/metrics')).status).toBe(404);
  });

  it('counts requests by route and status, exchanges with the API, logins and sessions', async () => {
    const { app, browser } = server();
    await browser.request('POST', '/api/session', { UserName: DEMO_MASTER.UserName, PinCode: 'wrong-pin' });
    await browser.login();
    await browser.request('GET', '/api/v1/contacts/987654');
    await browser.request('DELETE', '/api/session');

    const answer = await app.request('/api/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/plain');
    const text = await answer.text();
    expect(sample(text, 'callboard_http_request_duration_seconds_count{method="POST",route="/api/session",status="200"}')).toMatch(/ 1$/);
    expect(sample(text, 'callboard_http_request_duration_seconds_count{method="POST",route="/api/session",status="401"}')).toMatch(/ 1$/);
    expect(sample(text, 'callboard_http_request_duration_seconds_count{method="GET",route="/api/v1/contacts/:id"')).toBeDefined();
    expect(sample(text, 'callboard_upstream_request_duration_seconds_count{method="POST",route="/v1/user/login",status="200"}')).toMatch(/ 1$/);
    expect(sample(text, 'callboard_login_attempts_total{outcome="failed"}')).toMatch(/ 1$/);
    expect(sample(text, 'callboard_login_attempts_total{outcome="succeeded"}')).toMatch(/ 1$/);
    expect(sample(text, 'callboard_sessions_started_total')).toMatch(/ 1$/);
    expect(sample(text, 'callboard_sessions_ended_total{reason="logout"}')).toMatch(/ 1$/);
    expect(text).toContain('callboard_process_resident_memory_bytes');
    // Routes, never IDs or names.
    expect(text).not.toContain('987654');
    expect(text).not.toContain(DEMO_MASTER.UserName);
  });

  it('counts exchanges that got no answer by reason', async () => {
    const { app, browser } = server({ apiUrl: 'http://127.0.0.1:1' });
    await browser.request('POST', '/api/session', DEMO_MASTER);
    const text = await (await app.request('/api/metrics')).text();
    expect(sample(text, 'callboard_upstream_errors_total{reason="unreachable"}')).toMatch(/ 1$/);
  });
});
