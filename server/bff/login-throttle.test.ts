import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error.ts';
import { STRESS, recordFigures } from '../testing/figures.ts';
import type { RunningServer } from '../main.ts';
import { DEMO_MASTER, createBrowser, startTestSandbox, startTestServer } from '../testing/test-server.ts';
import { createBffApp } from './app.ts';
import {
  LONGEST_WAIT_MS,
  MAX_WAITING,
  PER_CLIENT,
  PER_NAME,
  PER_NAME_AND_CLIENT,
  createLoginThrottle,
  waitAfter,
  type LoginAttemptKeys,
  type LoginThrottle,
} from './login-throttle.ts';

const LEIA = { UserName: 'leia@cea', PinCode: 'alderaan-1977' };

/** An attempt that the API answered "wrong PIN"; the seconds to wait when it was not let through. */
async function failOnce(throttle: LoginThrottle, keys: LoginAttemptKeys): Promise<number> {
  const admission = await throttle.begin(keys);
  if ('retryAfter' in admission) return admission.retryAfter;
  await admission.attempt.failed();
  return 0;
}

const stranger = (client: string, userName = 'luke'): LoginAttemptKeys => ({ userName, client, knownDevice: null });

describe('createLoginThrottle', () => {
  it('takes one attempt per name at a time: the next waits for its answer, and is judged on what it left', async () => {
    const throttle = createLoginThrottle(() => 0);
    const first = await throttle.begin(stranger('a'));
    let secondSettled = false;
    const second = throttle.begin(stranger('b', 'LUKE ')).then((admission) => {
      secondSettled = true;
      return admission;
    });
    // Another user name is not held up.
    expect('attempt' in (await throttle.begin(stranger('a', 'leia')))).toBe(true);
    expect(secondSettled).toBe(false);
    if ('attempt' in first) await first.attempt.failed();
    expect('attempt' in (await second)).toBe(true);
  });

  it('tells attempts past the few that may wait to come back', async () => {
    const throttle = createLoginThrottle(() => 0);
    const waiting = Array.from({ length: MAX_WAITING + 1 }, () => throttle.begin(stranger('a')));
    expect(await throttle.begin(stranger('a'))).toEqual({ retryAfter: 1, reason: 'busy' });
    // Each answered in turn lets the next one in.
    for (const admission of waiting) {
      const settled = await admission;
      if ('attempt' in settled) await settled.attempt.unchecked();
    }
  });

  it('lets a few failures through, then makes each next attempt wait longer, up to a ceiling', async () => {
    let now = 0;
    const throttle = createLoginThrottle(() => now);
    for (let attempt = 0; attempt < PER_NAME_AND_CLIENT.free; attempt += 1) expect(await failOnce(throttle, stranger('a'))).toBe(0);
    const waits: number[] = [];
    for (let attempt = 0; attempt < 14; attempt += 1) {
      // One more failure, then how long the next attempt is told to wait; the clock moves past it.
      expect(await failOnce(throttle, stranger('a'))).toBe(0);
      const wait = await failOnce(throttle, stranger('a'));
      waits.push(wait);
      now += wait * 1000;
    }
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(Math.max(...waits)).toBe(LONGEST_WAIT_MS / 1000);
    expect(waitAfter(1000, PER_NAME_AND_CLIENT)).toBe(LONGEST_WAIT_MS);
  });

  it('does not hold back the same user name from another address, or a known browser', async () => {
    const throttle = createLoginThrottle(() => 0);
    for (let attempt = 0; attempt < PER_NAME_AND_CLIENT.free + 3; attempt += 1) await failOnce(throttle, stranger('attacker', 'leia'));
    expect(await failOnce(throttle, stranger('attacker', 'leia'))).toBeGreaterThan(0);
    expect(await failOnce(throttle, stranger('owner-office', 'Leia'))).toBe(0);
    expect(await failOnce(throttle, { userName: 'leia', client: 'attacker', knownDevice: 'owners-browser' })).toBe(0);
  });

  it('spreads over many addresses count against the name for unknown browsers only', async () => {
    const throttle = createLoginThrottle(() => 0);
    for (let attempt = 0; attempt < PER_NAME.free + 1; attempt += 1) await failOnce(throttle, stranger(`10.0.0.${attempt}`, 'leia'));
    expect(await failOnce(throttle, stranger('10.0.1.1', 'leia'))).toBeGreaterThan(0);
    expect(await failOnce(throttle, { userName: 'leia', client: '10.0.1.1', knownDevice: 'owners-browser' })).toBe(0);
  });

  it('holds back an address that tries many user names', async () => {
    const throttle = createLoginThrottle(() => 0);
    for (let attempt = 0; attempt < PER_CLIENT.free + 1; attempt += 1) await failOnce(throttle, stranger('10.0.0.9', `user-${attempt}`));
    expect(await failOnce(throttle, stranger('10.0.0.9', 'someone-new'))).toBeGreaterThan(0);
    expect(await failOnce(throttle, stranger('10.0.0.10', 'someone-new'))).toBe(0);
  });

  it('forgives a browser its own slips once it gets in; an attempt the API never judged does not count', async () => {
    const throttle = createLoginThrottle(() => 0);
    for (let attempt = 0; attempt < PER_NAME_AND_CLIENT.free; attempt += 1) await failOnce(throttle, stranger('a'));
    const unjudged = await throttle.begin(stranger('a'));
    if ('attempt' in unjudged) await unjudged.attempt.unchecked();
    const right = await throttle.begin(stranger('a'));
    expect('attempt' in right).toBe(true);
    if ('attempt' in right) await right.attempt.succeeded();
    for (let attempt = 0; attempt < PER_NAME_AND_CLIENT.free; attempt += 1) expect(await failOnce(throttle, stranger('a'))).toBe(0);
  });

  it('keeps at most its limit of counts, and the newest stay', async () => {
    const throttle = createLoginThrottle(() => 0, 100);
    // Each unknown browser's failure counts under three keys (name and address, name, address).
    for (let index = 0; index < 20; index += 1) await failOnce(throttle, stranger(`10.0.0.${index}`, `user-${index}`));
    for (let attempt = 0; attempt < PER_NAME_AND_CLIENT.free + 1; attempt += 1) await failOnce(throttle, stranger('a'));
    // Past the cap: the stalest keys make room, the newest stay.
    for (let index = 20; index < 35; index += 1) await failOnce(throttle, stranger(`10.0.0.${index}`, `user-${index}`));
    expect(await failOnce(throttle, stranger('a'))).toBeGreaterThan(0);
  });
});

describe('a burst of logins', () => {
  let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ appKey: 'burst-app-key', secretKey: 'burst-secret-key' });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  /** Our server in process on a clock that stands still, so no wait a guess earned runs out while the test goes on. */
  const appOnStandingClock = (trustProxy: boolean) =>
    createBffApp({
      apiUrl: sandbox.url,
      appKey: 'burst-app-key',
      secretKey: 'burst-secret-key',
      sessionSecret: 'burst-test-session-secret-of-32+chars',
      sessionIdleMs: 60 * 60_000,
      sessionMaxMs: 8 * 60 * 60_000,
      trustProxy,
      sandbox: true,
      now: () => Date.parse('2026-03-02T09:00:00Z'),
    });

  it('answers 429 with Retry-After once the free failures are spent, even for the right PIN', async () => {
    // On a clock that stands still: on the real one, a sixth guess slower than the wait it earned would let the seventh through.
    const app = appOnStandingClock(true);
    const browser = createBrowser('http://callboard.test', (url, init) => app.request(url, init));
    const address = { 'x-forwarded-for': '192.0.2.20' };
    for (let attempt = 0; attempt <= PER_NAME_AND_CLIENT.free; attempt += 1) {
      const wrong = await browser.request('POST', '/api/session', { UserName: 'han@cea', PinCode: `guess-${attempt}` }, address);
      expect(wrong.status).toBe(401);
    }
    const held = await browser.request('POST', '/api/session', { UserName: 'han@cea', PinCode: 'kessel-run-12' }, address);
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(apiErrorBodySchema.parse(await held.json()).Message).toMatch(/^Too many failed logins\. Try again in \d+ seconds?\.$/);
  });

  it('counts wrong PINs sent at once before any is checked: the right one sent last is refused', async () => {
    const burst = STRESS ? 2000 : 200;
    // Our server in process on a clock that stands still, so no wait runs out while the burst is answered.
    const app = appOnStandingClock(false);
    const browser = createBrowser('http://callboard.test', (url, init) => app.request(url, init));
    const wrong = Array.from({ length: burst }, (_, index) => browser.request('POST', '/api/session', { UserName: 'han@cea', PinCode: `guess-${index}` }));
    const right = browser.request('POST', '/api/session', { UserName: 'han@cea', PinCode: 'kessel-run-12' });
    const statuses = await Promise.all([...wrong, right].map(async (response) => (await response).status));
    const checked = statuses.filter((status) => status === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(PER_NAME_AND_CLIENT.free + 1);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
    expect(statuses.at(-1)).toBe(429);
    recordFigures('login-burst', { sent: burst + 1, checked, refused: statuses.length - checked });
  }, 120_000);
});

describe('login throttling in our server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await server.close();
  });

  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('does not let anyone lock the owner out: a browser that logged in before still gets in', async () => {
    const owner = createBrowser(server.url);
    expect((await owner.request('POST', '/api/session', LEIA, from('198.51.100.1'))).status).toBe(200);
    await owner.request('DELETE', '/api/session', undefined, from('198.51.100.1'));

    // Someone else guesses from many addresses, in any case.
    const attacker = createBrowser(server.url);
    for (let attempt = 0; attempt < PER_NAME.free + 10; attempt += 1) {
      await attacker.request('POST', '/api/session', { UserName: 'LEIA@cea', PinCode: `guess-${attempt}` }, from(`203.0.113.${attempt}`));
    }
    expect((await attacker.request('POST', '/api/session', { UserName: 'leia@CEA', PinCode: 'guess' }, from('203.0.113.250'))).status).toBe(429);

    // The owner's browser, from the attacker's own address even, is not held back.
    expect((await owner.request('POST', '/api/session', LEIA, from('203.0.113.1'))).status).toBe(200);
  });

  it('lets several browsers log in as the same user at once: they take turns', async () => {
    const logins = Array.from({ length: 5 }, (_, index) =>
      createBrowser(server.url).request('POST', '/api/session', DEMO_MASTER, from(`192.0.2.${40 + index}`)),
    );
    expect((await Promise.all(logins)).map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('refuses login fields past their limits before counting or keeping them', async () => {
    const browser = createBrowser(server.url);
    const long = await browser.request('POST', '/api/session', { UserName: `${'x'.repeat(255)}@cea`, PinCode: 'x' }, from('192.0.2.30'));
    expect(long.status).toBe(400);
    const huge = await browser.request('POST', '/api/session', { UserName: 'x'.repeat(3 * 1024 * 1024), PinCode: 'x' }, from('192.0.2.30'));
    expect(huge.status).toBe(400);
    const pin = await browser.request('POST', '/api/session', { UserName: 'luke@cea', PinCode: 'x'.repeat(129) }, from('192.0.2.30'));
    expect(pin.status).toBe(400);
    expect((await browser.request('POST', '/api/session', DEMO_MASTER, from('192.0.2.30'))).status).toBe(200);
  });
});
