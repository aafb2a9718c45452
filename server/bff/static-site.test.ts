import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticSite } from './static-site.ts';

const distDir = mkdtempSync(join(tmpdir(), 'callboard-dist-'));
writeFileSync(
  join(distDir, 'index.html'),
  '<meta name="callboard-sandbox" content="__SANDBOX__" /><script nonce="__CSP_NONCE__" src="/assets/app.js"></script>',
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

  it('answers a missing file with 404 rather than the page', async () => {
    const response = await staticSite(distDir, { sandbox: true }).request('/robots.txt');
    expect(response.status).toBe(404);
  });
});
