import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/contract/user.ts';
import type { CurrentUser } from './session-routes.ts';
import { staticSite } from './static-site.ts';

const distDir = mkdtempSync(join(tmpdir(), 'callboard-dist-'));
writeFileSync(
  join(distDir, 'index.html'),
  '<meta name="callboard-sandbox" content="__SANDBOX__" /><script type="application/json" id="callboard-session">__SESSION__</script>' +
    '<script nonce="__CSP_NONCE__" src="/assets/app.js"></script>',
);
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

describe('staticSite', () => {
  it('says in the page whether the API is the sandbox', async () => {
    const sandbox = await (await staticSite(distDir, { sandbox: true }).request('/contacts')).text();
    const real = await (await staticSite(distDir, { sandbox: false }).request('/')).text();
    expect(sandbox).toContain('content="true"');
    expect(real).toContain('content="false"');
  });

  it('gives each page a fresh nonce that its CSP names', async () => {
    const site = staticSite(distDir, { sandbox: true });
    const [first, second] = await Promise.all([site.request('/'), site.request('/broadcasts')]);
    const nonceOf = async (response: Response) => /nonce="([^"]+)"/.exec(await response.text())?.[1];
    const [firstNonce, secondNonce] = [await nonceOf(first), await nonceOf(second)];
    expect(firstNonce).toBeTruthy();
    expect(firstNonce).not.toBe(secondNonce);
    expect(first.headers.get('content-security-policy')).toContain(`'nonce-${firstNonce}'`);
  });

  it('writes the signed-in user into the page as JSON no user name can break out of', async () => {
    const user = { UserID: 7, UserName: 'mallory</script><script>alert(1)</script>', FirstName: '$& &amp; \u2028' } as unknown as User;
    const site = staticSite(distDir, { sandbox: true, currentUser: async () => ({ user }) });
    const response = await site.request('/broadcasts');
    const html = await response.text();
    expect(html).not.toContain('</script><script>alert');
    const json = /<script type="application\/json" id="callboard-session">(.*?)<\/script>/s.exec(html)?.[1];
    expect(JSON.parse(json!)).toEqual(user);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('vary')).toBe('Cookie');
  });

  it('says null when nobody is signed in, and nothing when the API did not answer', async () => {
    const sessionOf = async (current: () => Promise<CurrentUser>) => {
      const html = await (await staticSite(distDir, { sandbox: true, currentUser: current }).request('/')).text();
      return /id="callboard-session">(.*?)<\/script>/s.exec(html)?.[1];
    };
    expect(await sessionOf(async () => ({ signedOut: 'You are not logged in.' }))).toBe('null');
    expect(await sessionOf(() => Promise.reject(new Error('The Call-Em-All API cannot be reached.')))).toBe('');
  });

  it('draws the page without the user when the API does not say who it is within the budget', async () => {
    const hanging = () => new Promise<CurrentUser>(() => {});
    const site = staticSite(distDir, { sandbox: true, currentUser: hanging, userBudgetMs: 50 });
    const html = await (await site.request('/contacts')).text();
    expect(/id="callboard-session">(.*?)<\/script>/s.exec(html)?.[1]).toBe('');
  });

  it('answers a missing file with 404 rather than the page', async () => {
    const response = await staticSite(distDir, { sandbox: true }).request('/robots.txt');
    expect(response.status).toBe(404);
  });
});
