import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../http/log.ts';
import { DEMO_MASTER, createBrowser, startTestSandbox } from '../testing/test-server.ts';
import { createBffApp } from './app.ts';
import { routeOf } from './request-log.ts';

const keys = { appKey: 'log-app-key', secretKey: 'log-SECRET-key-51c9' };
const sessionSecret = 'log-session-secret-7f3e9a0b1c2d4e5f6a7b8c9d';
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  sandbox = await startTestSandbox(keys);
});
afterAll(async () => {
  await sandbox.close();
});

/** Our server in process, its log lines kept as parsed JSON. */
function server(options: { trustProxy?: boolean; apiUrl?: string } = {}) {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = createBffApp({
    apiUrl: options.apiUrl ?? sandbox.url,
    ...keys,
    sessionSecret,
    sessionIdleMs: 60_000,
    sessionMaxMs: 3_600_000,
    trustProxy: options.trustProxy ?? false,
    sandbox: true,
    revokedSessionsFile: null,
    log: createLogger({ level: 'info', pretty: false, destination }),
  });
  const browser = createBrowser('http://callboard.test', (url, init) => app.request(url, init));
  return { lines, browser };
}

describe('request log', () => {
  it('writes one line per request with its id, route pattern, status, duration and the API share, and echoes the id', async () => {
    const { lines, browser } = server();
    await browser.login();
    const answer = await browser.request('GET', '/api/v1/contacts/12345?searchText=%2B16055551234');
    const requestLine = lines.find((line) => line.route === '/api/v1/contacts/:id');
    expect(requestLine).toMatchObject({ msg: 'request', method: 'GET', status: answer.status, requestId: answer.headers.get('x-request-id') });
    expect(requestLine!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLine!.upstreamMs).toBeGreaterThan(0);
    expect(requestLine!.ms).toBeGreaterThanOrEqual(requestLine!.upstreamMs as number);
    expect(lines.filter((line) => line.msg === 'request')).toHaveLength(2);
    // The login's line counts the API's share too: the login itself and the user's settings read after it.
    expect(lines.find((line) => line.route === '/api/session' && line.method === 'POST')!.upstreamMs).toBeGreaterThan(0);
  });

  it('never writes a PIN code, a cookie, an AuthToken, a key, a query or a body', async () => {
    const { lines, browser } = server();
    await browser.login();
    await browser.request('POST', '/api/session', { UserName: DEMO_MASTER.UserName, PinCode: 'wrong-PIN-8812' });
    await browser.request('POST', '/api/v1/contacts', { FirstName: 'Zebediah', PrimaryPhone: '6053209876' });
    const text = JSON.stringify(lines);
    for (const secret of [
      DEMO_MASTER.PinCode,
      'wrong-PIN-8812',
      browser.cookie.split('=')[1]!,
      keys.secretKey,
      sessionSecret,
      'Zebediah',
      '6053209876',
      'oauth_',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("takes a trusted proxy's X-Request-Id, and makes one otherwise", async () => {
    const trusted = server({ trustProxy: true });
    const echoed = await trusted.browser.request('GET', '/api/health', undefined, { 'x-request-id': 'lb-4711' });
    expect(echoed.headers.get('x-request-id')).toBe('lb-4711');
    expect(trusted.lines[0]).toMatchObject({ requestId: 'lb-4711', route: '/api/health' });

    const untrusted = server({ trustProxy: false });
    const made = await untrusted.browser.request('GET', '/api/health', undefined, { 'x-request-id': 'lb-4711' });
    expect(made.headers.get('x-request-id')).not.toBe('lb-4711');
    // A trusted proxy's id that could break a line is replaced too.
    const odd = await trusted.browser.request('GET', '/api/health', undefined, { 'x-request-id': 'a b\u0001' });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes a line for each upstream failure, tied to its request', async () => {
    const { lines, browser } = server({ apiUrl: 'http://127.0.0.1:1' });
    const answer = await browser.request('POST', '/api/session', DEMO_MASTER);
    expect(answer.status).toBe(502);
    const failure = lines.find((line) => line.msg === 'upstream failure');
    expect(failure).toMatchObject({ reason: 'unreachable', method: 'POST', route: '/v1/user/login', requestId: answer.headers.get('x-request-id') });
    expect(lines.find((line) => line.msg === 'request failed')).toMatchObject({ status: 502, route: '/api/session' });
  });

  it('names routes without IDs, phone numbers or file names', () => {
    expect(routeOf('/api/v1/contacts/42')).toBe('/api/v1/contacts/:id');
    expect(routeOf('/api/v1/optouts/+16055551234?x=1')).toBe('/api/v1/optouts/:id');
    expect(routeOf('/api/answer-mismatches')).toBe('/api/answer-mismatches');
    expect(routeOf('/broadcasts/39586')).toBe('/*');
    expect(routeOf('/assets/index-abc123.js')).toBe('/assets/*');
  });
});
