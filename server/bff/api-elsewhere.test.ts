import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error.ts';
import { createBffApp } from './app.ts';

/** `/v1/...` sent to the dashboard's port (decision 102): the API's error body saying where the API is, never the app's page. */

const distDir = mkdtempSync(join(tmpdir(), 'callboard-dist-'));
writeFileSync(join(distDir, 'index.html'), '<title>Callboard</title>');
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

const dashboard = (apiUrl: string, sandbox: boolean) =>
  createBffApp({
    apiUrl,
    appKey: 'k',
    secretKey: 's',
    sessionSecret: 'x'.repeat(40),
    sessionIdleMs: 60_000,
    sessionMaxMs: 3_600_000,
    trustProxy: false,
    sandbox,
    revokedSessionsFile: null,
    distDir,
  });

describe('/v1 on the dashboard', () => {
  it('with the real API: 404 saying to call the API at its address', async () => {
    const app = dashboard('https://rest.text-em-all.com', false);
    for (const path of ['/v1', '/v1/contacts', '/v1/user/login']) {
      const response = await app.request(path, { method: path.endsWith('login') ? 'POST' : 'GET' });
      expect(response.status).toBe(404);
      const body = apiErrorBodySchema.parse(await response.json());
      expect(body.ErrorName).toBe('NotFound');
      expect(body.Message).toContain('Call the Call-Em-All API directly at https://rest.text-em-all.com/v1/');
    }
    // The app's own pages are still the app.
    expect(await (await app.request('/contacts')).text()).toContain('<title>Callboard</title>');
  });

  it("in sandbox mode: 404 naming the sandbox's address", async () => {
    const response = await dashboard('http://127.0.0.1:41234', true).request('/v1/contacts');
    expect(response.status).toBe(404);
    expect(apiErrorBodySchema.parse(await response.json()).Message).toContain("the sandbox's v1 API at http://127.0.0.1:41234/v1/");
  });
});
