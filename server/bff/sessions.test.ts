import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MASTER, createBrowser, startTestSandbox } from '../testing/test-server.ts';
import { createBffApp } from './app.ts';
import { createUpstream } from './upstream.ts';
import { SESSION_COOKIE, createSessionSealer } from './session-cookie.ts';
import { MAX_REVOKED_SESSIONS, createSessionRevocations } from './session-revocations.ts';

const APP_KEY = 'sessions-test-app-key';
const SECRET_KEY = 'sessions-test-secret-key';
const SESSION_SECRET = 'sessions-test-session-secret-of-32+chars';
const MINUTE = 60_000;
const IDLE_MS = 30 * MINUTE;
const MAX_MS = 8 * 60 * MINUTE;

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let dataDir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ appKey: APP_KEY, secretKey: SECRET_KEY });
  dataDir = mkdtempSync(join(tmpdir(), 'callboard-sessions-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Our server in process, on a clock the test moves. */
function serverWith(options: { trustProxy?: boolean; revokedSessionsFile?: string; idleMs?: number; apiUrl?: string } = {}) {
  let time = Date.parse('2026-03-02T09:00:00Z');
  const app = createBffApp({
    apiUrl: options.apiUrl ?? sandbox.url,
    appKey: APP_KEY,
    secretKey: SECRET_KEY,
    sessionSecret: SESSION_SECRET,
    sessionIdleMs: options.idleMs ?? IDLE_MS,
    sessionMaxMs: MAX_MS,
    trustProxy: options.trustProxy ?? false,
    revokedSessionsFile: options.revokedSessionsFile ?? null,
    sandbox: true,
    now: () => time,
  });
  return {
    app,
    advance(ms: number) {
      time += ms;
    },
  };
}

/** A browser in front of the app in process, with one cookie jar. */
function browserOf(app: ReturnType<typeof createBffApp>, origin = 'http://callboard.test') {
  const browser = createBrowser(origin, (url, init) => app.request(url, init));
  return Object.assign(browser, {
    async loginWith(headers: Record<string, string>) {
      const response = await browser.request('POST', '/api/session', DEMO_MASTER, headers);
      expect(response.status).toBe(200);
      return response;
    },
  });
}

const sessionIdOf = (cookie: string) => createSessionSealer(SESSION_SECRET).unseal(cookie.split('=')[1])?.sessionId;

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, and lasts as long as the absolute lifetime', async () => {
    const { app } = serverWith();
    const setCookie = (await browserOf(app).loginWith({})).headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]+;`));
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(new RegExp(`; Max-Age=${MAX_MS / 1000}`));
    expect(setCookie).not.toMatch(/; Secure/);
  });

  it('is Secure when the request came over TLS', async () => {
    const { app } = serverWith();
    const setCookie = (await browserOf(app, 'https://callboard.test').loginWith({})).headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/; Secure/);
  });

  it('honours X-Forwarded-Proto only when TRUST_PROXY is on', async () => {
    const trusting = serverWith({ trustProxy: true });
    const behindProxy = await browserOf(trusting.app).loginWith({ 'x-forwarded-proto': 'https' });
    expect(behindProxy.headers.get('set-cookie')).toMatch(/; Secure/);
    const plainHttp = await browserOf(trusting.app).loginWith({ 'x-forwarded-proto': 'http' });
    expect(plainHttp.headers.get('set-cookie')).not.toMatch(/; Secure/);

    const { app } = serverWith({ trustProxy: false });
    const spoofed = await browserOf(app).loginWith({ 'x-forwarded-proto': 'https' });
    expect(spoofed.headers.get('set-cookie')).not.toMatch(/; Secure/);
  });

  it('carries the token sealed: nothing of it is readable in the cookie', async () => {
    const { app } = serverWith();
    const browser = browserOf(app);
    await browser.login();
    const value = browser.cookie.split('=')[1]!;
    const opened = createSessionSealer(SESSION_SECRET).unseal(value)!;
    expect(opened.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(Buffer.from(value, 'base64url').toString('latin1')).not.toContain(opened.token);
    expect(value).not.toContain(opened.token);
    expect(createSessionSealer('another-secret-of-at-least-32-chars!!').unseal(value)).toBeNull();
  });

  it('opens a cookie once and answers the same again, while a changed byte still opens nothing', () => {
    const sealer = createSessionSealer(SESSION_SECRET);
    const data = { sessionId: 's-1', token: 't-1', userId: 7, userName: 'luke', issuedAt: 1000, seenAt: 2000 };
    const cookie = sealer.seal(data);
    expect(sealer.unseal(cookie)).toEqual(data);
    expect(sealer.unseal(cookie)).toBe(sealer.unseal(cookie));
    const raw = Buffer.from(cookie, 'base64url');
    raw[20] = raw[20]! ^ 1;
    expect(sealer.unseal(raw.toString('base64url'))).toBeNull();
    expect(sealer.unseal(cookie)).toEqual(data);
  });
});

describe('session lifetimes', () => {
  it('ends after the idle lifetime without use', async () => {
    const server = serverWith();
    const browser = browserOf(server.app);
    await browser.login();
    server.advance(IDLE_MS - MINUTE);
    expect((await browser.request('GET', '/api/session')).status).toBe(200);
    server.advance(IDLE_MS + 1);
    const expired = await browser.request('GET', '/api/v1/account');
    expect(expired.status).toBe(401);
    expect(expired.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    expect(browser.cookie).toBe('');
  });

  it('stays open while used, and ends at the absolute lifetime even so', async () => {
    const server = serverWith();
    const browser = browserOf(server.app);
    await browser.login();
    const steps = Math.floor(MAX_MS / (IDLE_MS / 2));
    for (let step = 1; step < steps; step += 1) {
      server.advance(IDLE_MS / 2);
      expect((await browser.request('GET', '/api/session')).status, `after ${(step * IDLE_MS) / 2 / MINUTE} minutes`).toBe(200);
    }
    server.advance(IDLE_MS / 2 + 1);
    expect((await browser.request('GET', '/api/session')).status).toBe(401);
  });

  it('refreshes its idle clock at most once a minute, keeping the same session', async () => {
    const server = serverWith();
    const browser = browserOf(server.app);
    await browser.login();
    const first = browser.cookie;
    server.advance(30_000);
    expect((await browser.request('GET', '/api/session')).headers.get('set-cookie')).toBeNull();
    server.advance(31_000);
    expect((await browser.request('GET', '/api/session')).headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(browser.cookie).not.toBe(first);
    expect(sessionIdOf(browser.cookie)).toBe(sessionIdOf(first));
  });
});

describe('login and logout', () => {
  it('issues a new session at every login, and the one it replaces ends', async () => {
    const { app } = serverWith();
    const browser = browserOf(app);
    await browser.login();
    const first = browser.cookie;
    await browser.login();
    const second = browser.cookie;
    expect(second).not.toBe(first);
    expect(sessionIdOf(second)).not.toBe(sessionIdOf(first));

    const copyOfFirst = browserOf(app);
    copyOfFirst.cookie = first;
    expect((await copyOfFirst.request('GET', '/api/session')).status).toBe(401);
    expect((await browser.request('GET', '/api/session')).status).toBe(200);
  });

  it('logout revokes the session on the server: a copy of the cookie no longer opens anything', async () => {
    const { app } = serverWith();
    const browser = browserOf(app);
    await browser.login();
    const otherDevice = browserOf(app);
    await otherDevice.login();

    const thief = browserOf(app);
    thief.cookie = browser.cookie;
    expect((await thief.request('GET', '/api/v1/account')).status).toBe(200);

    const logout = await browser.request('DELETE', '/api/session');
    expect(logout.status).toBe(200);
    expect(browser.cookie).toBe('');
    expect((await thief.request('GET', '/api/session')).status).toBe(401);
    expect((await thief.request('GET', '/api/v1/account')).status).toBe(401);
    expect((await thief.request('POST', '/api/v1/lists', { ListName: 'Stolen' })).status).toBe(401);
    // The same user's other sessions go on.
    expect((await otherDevice.request('GET', '/api/v1/account')).status).toBe(200);
  });

  it('remembers logouts across a restart when given a file', async () => {
    const file = join(dataDir, 'revoked-sessions.jsonl');
    const before = serverWith({ revokedSessionsFile: file });
    const browser = browserOf(before.app);
    await browser.login();
    const copy = browser.cookie;
    await browser.request('DELETE', '/api/session');

    const after = serverWith({ revokedSessionsFile: file });
    const thief = browserOf(after.app);
    thief.cookie = copy;
    expect((await thief.request('GET', '/api/session')).status).toBe(401);
    const fresh = browserOf(after.app);
    await fresh.login();
    expect((await fresh.request('GET', '/api/session')).status).toBe(200);
  });
});

describe('a short idle window', () => {
  it('keeps a user who is active every 20 s signed in with SESSION_IDLE_MINUTES=1', async () => {
    const server = serverWith({ idleMs: MINUTE });
    const browser = browserOf(server.app);
    await browser.login();
    for (let step = 1; step <= 30; step += 1) {
      server.advance(20_000);
      expect((await browser.request('GET', '/api/v1/account')).status, `after ${step * 20} s`).toBe(200);
    }
    server.advance(MINUTE + 1);
    expect((await browser.request('GET', '/api/v1/account')).status).toBe(401);
  });
});

describe('sessions that end before their time', () => {
  /** A new user of the demo account, made by the master user, with their PIN. */
  async function newUser(master: ReturnType<typeof browserOf>, name: string) {
    const credentials = { UserName: `${name}@cea`, PinCode: 'first-pin-123' };
    const created = await master.request('POST', '/api/v1/account/users', { ...credentials, FirstName: 'Test', LastName: name });
    expect(created.status).toBe(200);
    return { ...credentials, UserID: ((await created.json()) as { UserID: number }).UserID };
  }

  it("a user's own PIN change ends their other sessions and keeps the one that changed it", async () => {
    const server = serverWith();
    const master = browserOf(server.app);
    await master.login();
    const user = await newUser(master, `pin-self-${Date.now()}`);
    const laptop = browserOf(server.app);
    await laptop.login(user);
    const phone = browserOf(server.app);
    await phone.login(user);
    const copyOfPhone = browserOf(server.app);
    copyOfPhone.cookie = phone.cookie;

    server.advance(1000);
    const change = await laptop.request('PUT', `/api/v1/account/users/${user.UserID}`, { PinCode: 'second-pin-456' });
    expect(change.status).toBe(200);
    expect((await laptop.request('GET', '/api/v1/account')).status).toBe(200);
    expect((await phone.request('GET', '/api/v1/account')).status).toBe(401);
    expect((await copyOfPhone.request('GET', '/api/session')).status).toBe(401);
    // The master user's own session is someone else's: untouched.
    expect((await master.request('GET', '/api/v1/account')).status).toBe(200);
    // A login after the change, with the new PIN, works.
    server.advance(1000);
    const again = browserOf(server.app);
    await again.login({ UserName: user.UserName, PinCode: 'second-pin-456' });
    expect((await again.request('GET', '/api/v1/account')).status).toBe(200);
  });

  it("a master user's change of someone's PIN ends all of that user's sessions", async () => {
    const server = serverWith();
    const master = browserOf(server.app);
    await master.login();
    const user = await newUser(master, `pin-master-${Date.now()}`);
    const theirs = browserOf(server.app);
    await theirs.login(user);
    server.advance(1000);
    // Other settings alone end nothing.
    expect((await master.request('PUT', `/api/v1/account/users/${user.UserID}`, { FirstName: 'Renamed' })).status).toBe(200);
    expect((await theirs.request('GET', '/api/v1/account')).status).toBe(200);
    expect((await master.request('PUT', `/api/v1/account/users/${user.UserID}`, { PinCode: 'master-set-789' })).status).toBe(200);
    expect((await theirs.request('GET', '/api/v1/account')).status).toBe(401);
    expect((await master.request('GET', '/api/v1/account')).status).toBe(200);
  });

  it('"log out everywhere" ends every session of the user, this one too, and no other user\'s', async () => {
    const server = serverWith();
    const here = browserOf(server.app);
    await here.login();
    const elsewhere = browserOf(server.app);
    await elsewhere.login();
    const someoneElse = browserOf(server.app);
    await someoneElse.login({ UserName: 'han@cea', PinCode: 'kessel-run-12' });
    const token = createSessionSealer(SESSION_SECRET).unseal(elsewhere.cookie.split('=')[1])!.token;

    server.advance(1000);
    const everywhere = await here.request('DELETE', '/api/session/everywhere');
    expect(everywhere.status).toBe(200);
    expect(here.cookie).toBe('');
    expect((await elsewhere.request('GET', '/api/v1/account')).status).toBe(401);
    expect((await someoneElse.request('GET', '/api/v1/account')).status).toBe(200);
    // The sandbox forgot the user's AuthTokens too.
    const upstream = createUpstream({ baseUrl: sandbox.url, appKey: APP_KEY, secretKey: SECRET_KEY });
    const url = upstream.resolve('/v1/account')!;
    expect((await upstream.send({ method: 'GET', path: '/v1/account', token }, url)).status).toBe(401);
    // Logging in again works.
    server.advance(1000);
    await here.login();
    expect((await here.request('GET', '/api/v1/account')).status).toBe(200);
    expect((await browserOf(server.app).request('DELETE', '/api/session/everywhere')).status).toBe(401);
  });

  it("logout ends the session's AuthToken in the sandbox", async () => {
    const { app } = serverWith();
    const browser = browserOf(app);
    await browser.login();
    const token = createSessionSealer(SESSION_SECRET).unseal(browser.cookie.split('=')[1])!.token;
    const upstream = createUpstream({ baseUrl: sandbox.url, appKey: APP_KEY, secretKey: SECRET_KEY });
    const url = upstream.resolve('/v1/account')!;
    expect((await upstream.send({ method: 'GET', path: '/v1/account', token }, url)).status).toBe(200);
    await browser.request('DELETE', '/api/session');
    expect((await upstream.send({ method: 'GET', path: '/v1/account', token }, url)).status).toBe(401);
  });
});

describe('what the session answers carry', () => {
  it('is never cached: the login answer, /api/session and logout say no-store', async () => {
    const { app } = serverWith();
    const browser = browserOf(app);
    expect((await browser.loginWith({})).headers.get('cache-control')).toBe('no-store');
    expect((await browser.request('GET', '/api/session')).headers.get('cache-control')).toBe('no-store');
    expect((await browser.request('DELETE', '/api/session')).headers.get('cache-control')).toBe('no-store');
    expect((await browser.request('GET', '/api/session')).headers.get('cache-control')).toBe('no-store');
  });

  it("needs only the login answer: the API's undocumented user route answering 404 or 405 fails nothing", async () => {
    let userRoute = 404;
    const api = new Hono()
      .post('/v1/user/login', (c) => c.json({ UserID: 42, AuthToken: 'token-42' }))
      .get('/v1/account/users/:id', (c) => c.json({ Message: 'No such route' }, userRoute as 404))
      .get('/v1/account', (c) => c.json({ AccountID: 1 }));
    const standIn = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: api.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
    });
    try {
      const { app } = serverWith({ apiUrl: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}` });
      const browser = browserOf(app);
      const login = await browser.request('POST', '/api/session', { UserName: 'Luke@cea', PinCode: 'any-pin-1' });
      expect(login.status).toBe(200);
      expect(await login.json()).toEqual({ UserID: 42, UserName: 'Luke@cea' });
      userRoute = 405;
      const session = await browser.request('GET', '/api/session');
      expect(session.status).toBe(200);
      expect(await session.json()).toEqual({ UserID: 42, UserName: 'Luke@cea' });
      expect((await browser.request('GET', '/api/v1/account')).status).toBe(200);
    } finally {
      await new Promise((resolve) => standIn.close(resolve));
    }
  });

  it('fills in the full user when the user route answers', async () => {
    const { app } = serverWith();
    const user = await browserOf(app).login();
    expect(user).toMatchObject({ UserName: DEMO_MASTER.UserName, FirstName: expect.any(String), IsMasterUser: true });
  });
});

/** A session of user 1 from the start of time, as revocations see it. */
const session = (sessionId: string) => ({ sessionId, userId: 1, issuedAt: 0 });

describe('createSessionRevocations', () => {
  it('forgets a revocation once the session would have expired anyway', () => {
    let time = 0;
    const revocations = createSessionRevocations({ now: () => time });
    revocations.revoke('a', 1000);
    revocations.revoke('already-expired', 0);
    expect(revocations.isRevoked(session('a'))).toBe(true);
    expect(revocations.isRevoked(session('already-expired'))).toBe(false);
    time = 1000;
    expect(revocations.isRevoked(session('a'))).toBe(false);
  });

  it('keeps at most its limit, letting go of the ones closest to expiry first', () => {
    const revocations = createSessionRevocations({ now: () => 0 });
    for (let index = 0; index <= MAX_REVOKED_SESSIONS; index += 1) revocations.revoke(`s${index}`, 10 + index);
    expect(revocations.size).toBe(MAX_REVOKED_SESSIONS);
    expect(revocations.isRevoked(session('s0'))).toBe(false);
    expect(revocations.isRevoked(session(`s${MAX_REVOKED_SESSIONS}`))).toBe(true);
  });

  it("ends a user's sessions issued before a moment, except the one named, and reads that back from its file", () => {
    const file = join(dataDir, 'user-wide.jsonl');
    const first = createSessionRevocations({ file, now: () => 1000 });
    first.revokeUser(7, 1000, 5000, 'kept');
    for (const revocations of [first, createSessionRevocations({ file, now: () => 1000 })]) {
      expect(revocations.isRevoked({ sessionId: 'old', userId: 7, issuedAt: 900 })).toBe(true);
      expect(revocations.isRevoked({ sessionId: 'kept', userId: 7, issuedAt: 900 })).toBe(false);
      expect(revocations.isRevoked({ sessionId: 'new', userId: 7, issuedAt: 1001 })).toBe(false);
      expect(revocations.isRevoked({ sessionId: 'other-user', userId: 8, issuedAt: 900 })).toBe(false);
    }
    expect(createSessionRevocations({ file, now: () => 5000 }).isRevoked({ sessionId: 'old', userId: 7, issuedAt: 900 })).toBe(false);
  });

  it('reads its file back, skipping a line cut short by a crash', () => {
    const file = join(dataDir, 'cut-short.jsonl');
    const first = createSessionRevocations({ file, now: () => 0 });
    first.revoke('kept', 5000);
    first.revoke('expires', 10);
    appendFileSync(file, '{"id":"half');
    const second = createSessionRevocations({ file, now: () => 100 });
    expect(second.isRevoked(session('kept'))).toBe(true);
    expect(second.isRevoked(session('expires'))).toBe(false);
    expect(second.size).toBe(1);
  });
});
