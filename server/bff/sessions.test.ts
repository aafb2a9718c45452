import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MASTER, createBrowser, startTestSandbox } from '../testing/test-server.ts';
import { createBffApp } from './app.ts';
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
function serverWith(options: { trustProxy?: boolean; revokedSessionsFile?: string } = {}) {
  let time = Date.parse('2026-03-02T09:00:00Z');
  const app = createBffApp({
    apiUrl: sandbox.url,
    appKey: APP_KEY,
    secretKey: SECRET_KEY,
    sessionSecret: SESSION_SECRET,
    sessionIdleMs: IDLE_MS,
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
    const data = { sessionId: 's-1', token: 't-1', userId: 7, issuedAt: 1000, seenAt: 2000 };
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

describe('createSessionRevocations', () => {
  it('forgets a revocation once the session would have expired anyway', () => {
    let time = 0;
    const revocations = createSessionRevocations({ now: () => time });
    revocations.revoke('a', 1000);
    revocations.revoke('already-expired', 0);
    expect(revocations.isRevoked('a')).toBe(true);
    expect(revocations.isRevoked('already-expired')).toBe(false);
    time = 1000;
    expect(revocations.isRevoked('a')).toBe(false);
  });

  it('keeps at most its limit, letting go of the ones closest to expiry first', () => {
    const revocations = createSessionRevocations({ now: () => 0 });
    for (let index = 0; index <= MAX_REVOKED_SESSIONS; index += 1) revocations.revoke(`s${index}`, 10 + index);
    expect(revocations.size).toBe(MAX_REVOKED_SESSIONS);
    expect(revocations.isRevoked('s0')).toBe(false);
    expect(revocations.isRevoked(`s${MAX_REVOKED_SESSIONS}`)).toBe(true);
  });

  it('reads its file back, skipping a line cut short by a crash', () => {
    const file = join(dataDir, 'cut-short.jsonl');
    const first = createSessionRevocations({ file, now: () => 0 });
    first.revoke('kept', 5000);
    first.revoke('expires', 10);
    appendFileSync(file, '{"id":"half');
    const second = createSessionRevocations({ file, now: () => 100 });
    expect(second.isRevoked('kept')).toBe(true);
    expect(second.isRevoked('expires')).toBe(false);
    expect(second.size).toBe(1);
  });
});
