import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '../../src/contract/account.ts';
import { apiErrorBodySchema } from '../../src/contract/error.ts';
import { userSchema } from '../../src/contract/user.ts';
import type { RunningServer } from '../main.ts';
import { DEMO_MASTER, createBrowser, startTestServer } from '../testing/test-server.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('session', () => {
  it('logs in through the signed path and returns the user without any token', async () => {
    const browser = createBrowser(server.url);
    const response = await browser.request('POST', '/api/session', DEMO_MASTER);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^callboard_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const text = await response.text();
    expect(text).not.toMatch(/AuthToken|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    const user = userSchema.parse(JSON.parse(text));
    expect(user).toMatchObject({ UserName: 'apitest@cea', FirstName: 'Luke', IsMasterUser: true });
  });

  it('answers 401 with a clear message for a wrong PIN code', async () => {
    const browser = createBrowser(server.url);
    const response = await browser.request('POST', '/api/session', { UserName: 'apitest@cea', PinCode: 'wrong' });
    expect(response.status).toBe(401);
    const body = apiErrorBodySchema.parse(await response.json());
    expect(body.Message).toBe('The user name or PIN code is not correct.');
    expect(browser.cookie).toBe('');
  });

  it('knows the current user until logout', async () => {
    const browser = createBrowser(server.url);
    await browser.login();
    const me = await browser.request('GET', '/api/session');
    expect(me.status).toBe(200);
    expect(userSchema.parse(await me.json()).UserName).toBe('apitest@cea');

    const sealed = browser.cookie;
    expect((await browser.request('DELETE', '/api/session')).status).toBe(200);
    expect(browser.cookie).toBe('');
    expect((await browser.request('GET', '/api/session')).status).toBe(401);
    expect(sealed).not.toBe('');
  });

  it('rejects a tampered cookie', async () => {
    const browser = createBrowser(server.url);
    await browser.login();
    const [name, value] = browser.cookie.split('=') as [string, string];
    const flipped = value.slice(0, 20) + (value[20] === 'A' ? 'B' : 'A') + value.slice(21);
    const response = await fetch(`${server.url}/api/session`, { headers: { cookie: `${name}=${flipped}` } });
    expect(response.status).toBe(401);
  });
});

describe('/api/v1 forwarding', () => {
  it('answers 401 without a session', async () => {
    const response = await fetch(`${server.url}/api/v1/account`);
    expect(response.status).toBe(401);
    expect(apiErrorBodySchema.parse(await response.json()).ErrorName).toBe('NotLoggedIn');
  });

  it('returns the account JSON with a session', async () => {
    const browser = createBrowser(server.url);
    await browser.login();
    const response = await browser.request('GET', '/api/v1/account');
    expect(response.status).toBe(200);
    const account = accountSchema.parse(await response.json());
    expect(account.CompanyName).toBe('Galaxy Community Schools');
    expect(account.AvailableCallUnits).toBeLessThanOrEqual(account.CallBalance);
  });

  it('forwards upstream errors with their status and body unchanged', async () => {
    const browser = createBrowser(server.url);
    await browser.login();
    const response = await browser.request('GET', '/api/v1/account/users/999999');
    expect(response.status).toBe(404);
    expect(apiErrorBodySchema.parse(await response.json()).ErrorName).toBe('ResourceNotFound');
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses %s without the CSRF header', async (method) => {
    const browser = createBrowser(server.url);
    await browser.login();
    const response = await fetch(`${server.url}/api/v1/contacts`, {
      method,
      headers: { cookie: browser.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(apiErrorBodySchema.parse(await response.json()).ErrorName).toBe('MissingCsrfHeader');
  });

  it('refuses login without the CSRF header too', async () => {
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_MASTER),
    });
    expect(response.status).toBe(403);
  });

  it.each([
    '/api/v1/..%2fsandbox/clock',
    '/api/v1/%2e%2e%2F%2e%2e%2Fsandbox/clock',
    '/api/v1//evil.example/x',
    '/api/v1/a%5C..%5Cb',
    '/api/v1/../../../etc/passwd',
    '/api/v1/http://evil.example/',
  ])('refuses to forward a path that could leave the API: %s', async (path) => {
    const browser = createBrowser(server.url);
    await browser.login();
    // Raw HTTP, because fetch() would normalise the path before sending it.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.url);
      const request = httpRequest({ host: url.hostname, port: url.port, path, headers: { cookie: browser.cookie } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });
    expect([400, 404]).toContain(status);
  });

  it('sets security headers on API responses', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
