import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error.ts';
import type { RunningServer } from '../main.ts';
import { DEMO_MASTER, createBrowser, startTestServer } from '../testing/test-server.ts';
import { MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_USER, createLoginThrottle } from './login-throttle.ts';

describe('createLoginThrottle', () => {
  it('blocks a user name after repeated failures until the window passes', () => {
    let now = 0;
    const throttle = createLoginThrottle(() => now);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_USER; attempt += 1) {
      expect(throttle.retryAfter('Luke', 'a')).toBe(0);
      throttle.failed('Luke', `client-${attempt}`);
      now += 1000;
    }
    expect(throttle.retryAfter('LUKE ', 'z')).toBe(15 * 60 - 5);
    expect(throttle.retryAfter('leia', 'z')).toBe(0);
    now = 15 * 60_000 + 1;
    expect(throttle.retryAfter('luke', 'z')).toBe(0);
  });

  it('blocks a client address that tries many user names', () => {
    const throttle = createLoginThrottle(() => 0);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_CLIENT; attempt += 1) throttle.failed(`user-${attempt}`, '10.0.0.9');
    expect(throttle.retryAfter('someone-new', '10.0.0.9')).toBeGreaterThan(0);
    expect(throttle.retryAfter('someone-new', '10.0.0.10')).toBe(0);
  });

  it('forgets a user name\'s failures after a successful login', () => {
    const throttle = createLoginThrottle(() => 0);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_USER - 1; attempt += 1) throttle.failed('luke', 'a');
    throttle.succeeded('luke');
    throttle.failed('luke', 'a');
    expect(throttle.retryAfter('luke', 'b')).toBe(0);
  });

  it('keeps the newest counts when a flood of names passes the cap', () => {
    const throttle = createLoginThrottle(() => 0, 100);
    const flood = (from: number, to: number) => {
      for (let index = from; index < to; index += 1) throttle.failed(`user-${index}`, `10.0.${index >> 8}.${index & 255}`);
    };
    flood(0, 60);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_USER; attempt += 1) throttle.failed('luke', 'a');
    flood(60, 102);
    // Past the cap, yet the blocked user name is among the newest and stays blocked; the stalest went.
    expect(throttle.retryAfter('luke', 'b')).toBeGreaterThan(0);
    expect(throttle.retryAfter('user-0', 'b')).toBe(0);
  });
});

describe('login throttling in our server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 429 with Retry-After after repeated wrong PINs, even for the right one', async () => {
    const browser = createBrowser(server.url);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_USER; attempt += 1) {
      const wrong = await browser.request('POST', '/api/session', { UserName: 'leia@cea', PinCode: `guess-${attempt}` });
      expect(wrong.status).toBe(401);
    }
    const locked = await browser.request('POST', '/api/session', { UserName: 'leia@cea', PinCode: 'alderaan-1977' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(apiErrorBodySchema.parse(await locked.json()).Message).toBe('Too many failed logins. Try again in 15 minutes.');

    // Another user is not affected.
    expect((await browser.request('POST', '/api/session', DEMO_MASTER)).status).toBe(200);
  });
});

describe('login throttling behind a trusted proxy', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('counts the address the proxy saw, whatever hops the client made up', async () => {
    const browser = createBrowser(server.url);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_CLIENT; attempt += 1) {
      // A made-up first hop per attempt; the proxy's own hop (the last) stays the same.
      const headers = { 'x-forwarded-for': `198.51.100.${attempt}, 203.0.113.7` };
      const wrong = await browser.request('POST', '/api/session', { UserName: `guess-${attempt}@cea`, PinCode: 'nope' }, headers);
      expect(wrong.status).toBe(401);
    }
    const blocked = await browser.request('POST', '/api/session', DEMO_MASTER, { 'x-forwarded-for': '198.51.100.250, 203.0.113.7' });
    expect(blocked.status).toBe(429);
    const elsewhere = await browser.request('POST', '/api/session', DEMO_MASTER, { 'x-forwarded-for': '203.0.113.8' });
    expect(elsewhere.status).toBe(200);
  });
});
