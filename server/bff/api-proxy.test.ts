import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBffApp } from './app.ts';

/** A stand-in for the real API that compresses its answers, as production web servers do. */
let upstream: Server;
let upstreamUrl = '';
const user = {
  Uri: '/v1/account/users/7', UserID: 7, UserName: 'ann', FirstName: 'Ann', LastName: 'Lee', Email: '', Phone: '', CallerID: '',
  Retries: 1, MaxMessageLength: 120, CallThrottle: 0, ContinueOnNextDay: false, StartTimeOfDay: { Hour: 7, Minute: 0 },
  StopTimeOfDay: { Hour: 20, Minute: 0 }, CallingWindowDays: [], State: 'TX',
  Permissions: { CanSeeAllBroadcasts: true, CanSeeAllRoster: true, CanSeeAllAudio: true, CanSeeGroupAudio: true },
};
const big = { Items: Array.from({ length: 60 }, (_, index) => ({ Name: `Item ${index}`, Text: 'x'.repeat(30) })) };

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const send = (value: unknown) => {
      const zipped = gzipSync(JSON.stringify(value));
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': zipped.length });
      response.end(zipped);
    };
    if (request.url === '/v1/user/login') send({ UserID: 7, AuthToken: 'token-7' });
    else if (request.url === '/v1/account/users/7') send(user);
    else send(big);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

function bff(now: () => number) {
  return createBffApp({
    apiUrl: upstreamUrl, appKey: 'k', secretKey: 's', sessionSecret: 'x'.repeat(40), sessionIdleMs: 30 * 60_000,
    sessionMaxMs: 24 * 3_600_000, trustProxy: false, sandbox: false, now,
  });
}

async function logIn(app: ReturnType<typeof bff>) {
  const response = await app.request('http://callboard.test/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'callboard' },
    body: JSON.stringify({ UserName: 'ann', PinCode: 'secret-1' }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('forwarding', () => {
  it('passes a compressed upstream body on whole', async () => {
    const app = bff(Date.now);
    const cookie = await logIn(app);
    const response = await app.request('http://callboard.test/api/v1/things', { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(await response.json()).toEqual(big);
  });

  it('gzips an answer for a browser that takes it, and says it varies by Accept-Encoding', async () => {
    const app = bff(Date.now);
    const cookie = await logIn(app);
    const response = await app.request('http://callboard.test/api/v1/things', { headers: { cookie, 'accept-encoding': 'gzip, br' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(new Uint8Array(await response.arrayBuffer())).toString('utf8'))).toEqual(big);
  });

  it('keeps the session alive while the user works through the API alone', async () => {
    let now = Date.parse('2026-11-27T10:00:00Z');
    const app = bff(() => now);
    const cookie = await logIn(app);
    now += 5 * 60_000;
    const response = await app.request('http://callboard.test/api/v1/things', { headers: { cookie } });
    const refreshed = response.headers.get('set-cookie');
    expect(refreshed).toMatch(/^callboard_session=/);
    // Twenty-five idle minutes after that refresh the session still stands (thirty after login it would not).
    now += 26 * 60_000;
    const later = await app.request('http://callboard.test/api/v1/things', { headers: { cookie: refreshed!.split(';')[0]! } });
    expect(later.status).toBe(200);
  });
});
