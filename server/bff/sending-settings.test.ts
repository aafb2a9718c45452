import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSendingSettings } from '../../src/contract/sending-settings.ts';
import { sharedRedisCopies } from '../testing/redis-server.ts';
import { createBrowser, startTestSandbox } from '../testing/test-server.ts';
import { createBffApp } from './app.ts';
import { fileSendingSettings } from './sending-settings.ts';
import type { SharedStore } from './shared-store.ts';

const keys = { appKey: 'settings-app-key', secretKey: 'settings-secret-key' };
const LEIA = { UserName: 'leia@cea', PinCode: 'alderaan-1977' };
const quiet = { LocalSendingStart: { Hour: 9, Minute: 30 }, LocalSendingEnd: { Hour: 20, Minute: 0 }, UndoWindowSeconds: 0 };
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let dir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox(keys);
  dir = mkdtempSync(join(tmpdir(), 'callboard-settings-'));
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

function server(options: { sendingSettingsFile?: string | null; sharedStore?: SharedStore } = {}) {
  const app = createBffApp({
    apiUrl: sandbox.url,
    ...keys,
    sessionSecret: 's'.repeat(40),
    sessionIdleMs: 3_600_000,
    sessionMaxMs: 3_600_000,
    trustProxy: false,
    sandbox: true,
    revokedSessionsFile: null,
    ...options,
  });
  return () => createBrowser('http://callboard.test', (url, init) => app.request(url, init));
}

describe('/api/sending-settings', () => {
  it('answers the defaults until a master user saves, then the saved values to every user of the account', async () => {
    const browser = server();
    const master = browser();
    await master.login();
    expect(await (await master.request('GET', '/api/sending-settings')).json()).toEqual(defaultSendingSettings);
    const saved = await master.request('PUT', '/api/sending-settings', quiet);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual(quiet);
    const staff = browser();
    await staff.login(LEIA);
    expect(await (await staff.request('GET', '/api/sending-settings')).json()).toEqual(quiet);
  });

  it('refuses a user who is not a master user, and anyone signed out', async () => {
    const browser = server();
    const staff = browser();
    await staff.login(LEIA);
    const refused = await staff.request('PUT', '/api/sending-settings', quiet);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ ErrorName: 'PermissionDenied', Message: 'Only a master user can change the sending settings.' });
    expect((await browser().request('GET', '/api/sending-settings')).status).toBe(401);
    expect((await browser().request('PUT', '/api/sending-settings', quiet)).status).toBe(401);
  });

  it('refuses a write without the CSRF header', async () => {
    const browser = server();
    const master = browser();
    await master.login();
    expect((await master.request('PUT', '/api/sending-settings', quiet, { 'x-requested-with': '' })).status).toBe(403);
  });

  it('answers 400 with the documented error body, naming each field, for values that break a rule', async () => {
    const master = server()();
    await master.login();
    const wrong = await master.request('PUT', '/api/sending-settings', {
      LocalSendingStart: { Hour: 22, Minute: 0 },
      LocalSendingEnd: { Hour: 8, Minute: 0 },
      UndoWindowSeconds: 601,
    });
    expect(wrong.status).toBe(400);
    const body = (await wrong.json()) as { ErrorCode: number; ErrorName: string; ErrorType: string; Message: string };
    expect(body).toMatchObject({ ErrorCode: 2102, ErrorName: 'ValidationFailed', ErrorType: 'Validation' });
    expect(body.Message).toContain('UndoWindowSeconds: At most 600 seconds');
    expect((await master.request('PUT', '/api/sending-settings', { ...quiet, UndoWindowSeconds: 1.5 })).status).toBe(400);
    expect((await master.request('PUT', '/api/sending-settings', { ...quiet, LocalSendingEnd: { Hour: 8, Minute: 0 } })).status).toBe(400);
    expect((await master.request('PUT', '/api/sending-settings', { ...quiet, Extra: true })).status).toBe(200);
    expect((await master.request('PUT', '/api/sending-settings', 'not an object')).status).toBe(400);
  });

  it('keeps them in DATA_DIR across restarts, written whole', async () => {
    const file = join(dir, 'sending-settings.json');
    const master = server({ sendingSettingsFile: file })();
    await master.login();
    expect((await master.request('PUT', '/api/sending-settings', quiet)).status).toBe(200);
    expect(Object.values(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual([quiet]);
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
    const again = server({ sendingSettingsFile: file })();
    await again.login();
    expect(await (await again.request('GET', '/api/sending-settings')).json()).toEqual(quiet);
  });
});

describe('the file store', () => {
  it('leaves out what it cannot read instead of failing the start', async () => {
    const file = join(dir, 'odd.json');
    const store = fileSendingSettings(file);
    await store.write(7, quiet);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify({ 7: quiet, 8: { UndoWindowSeconds: 'soon' }, x: quiet }));
    const reread = fileSendingSettings(file);
    expect(await reread.read(7)).toEqual(quiet);
    expect(await reread.read(8)).toBeNull();
  });
});

describe('several copies (REDIS_URL)', () => {
  const { copy, kill } = sharedRedisCopies(server);

  it('a save on one copy is read on the other; with Redis down the read fails rather than answering the defaults', async () => {
    const a = copy();
    const b = copy();
    await expect.poll(() => a.store.up && b.store.up).toBe(true);
    const onA = a.browser();
    await onA.login();
    expect((await onA.request('PUT', '/api/sending-settings', quiet)).status).toBe(200);
    const onB = b.browser();
    onB.cookie = onA.cookie;
    expect(await (await onB.request('GET', '/api/sending-settings')).json()).toEqual(quiet);

    kill();
    await expect.poll(() => b.store.up).toBe(false);
    // Ended sessions fail closed too (decision 174): either way, never the defaults.
    const down = await onB.request('GET', '/api/sending-settings');
    expect([401, 502]).toContain(down.status);
  });
});
