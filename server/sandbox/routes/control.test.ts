import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';
import { AUTH_TOKEN_MAX_AGE_MS } from '../model/auth-tokens.ts';
import { createSandboxApp } from '../app.ts';

const HAN = { UserName: 'han@cea', PinCode: 'kessel-run-12' };
const tokenCount = (sandbox: ReturnType<typeof createSandboxHarness>, userId: number) =>
  sandbox.db.prepare('SELECT COUNT(*) FROM auth_tokens WHERE user_id = ?').pluck().get(userId) as number;

describe('the sandbox clock', () => {
  it('moves only for a master user: anyone else gets 403 with the documented body and the clock stays', async () => {
    const sandbox = createSandboxHarness();
    const han = await sandbox.as(HAN);
    const before = sandbox.clock.now();
    const refused = await han.request('POST', '/sandbox/clock/advance', { body: { Minutes: 525_600 } });
    expect(refused.status).toBe(403);
    expect(apiErrorBodySchema.parse(await refused.json())).toMatchObject({ ErrorName: 'PermissionDenied', ErrorCode: 1101 });
    expect(sandbox.clock.now() - before).toBeLessThan(60_000);
    // Reading it is for everyone.
    expect((await han.request('GET', '/sandbox/clock')).status).toBe(200);

    const master = await sandbox.as();
    const moved = await master.json<{ Now: string }>('POST', '/sandbox/clock/advance', { Minutes: 60 });
    expect(Date.parse(moved.Now) - before).toBeGreaterThanOrEqual(60 * 60_000);
  });
});

describe('AuthTokens of ended sessions', () => {
  it('logout ends the token it is signed with; "everywhere" ends all of the user\'s', async () => {
    const sandbox = createSandboxHarness();
    const first = await sandbox.as(HAN);
    const second = await sandbox.as(HAN);
    const third = await sandbox.as(HAN);
    const master = await sandbox.as();

    expect((await first.request('DELETE', '/sandbox/auth-tokens/current')).status).toBe(200);
    expect((await first.request('GET', '/v1/account')).status).toBe(401);
    expect((await second.request('GET', '/v1/account')).status).toBe(200);

    expect((await second.request('DELETE', '/sandbox/auth-tokens')).status).toBe(200);
    expect((await third.request('GET', '/v1/account')).status).toBe(401);
    expect(tokenCount(sandbox, first.userId)).toBe(0);
    expect((await master.request('GET', '/v1/account')).status).toBe(200);
  });

  it("a PIN change ends the user's other tokens and keeps the one that made it", async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const otherMaster = await sandbox.as();
    const han = await sandbox.as(HAN);
    await master.json('PUT', `/v1/account/users/${master.userId}`, { PinCode: 'a-new-pin-2026' });
    expect((await master.request('GET', '/v1/account')).status).toBe(200);
    expect((await otherMaster.request('GET', '/v1/account')).status).toBe(401);
    // A master user changing someone else's PIN ends all of that user's tokens.
    await master.json('PUT', `/v1/account/users/${han.userId}`, { PinCode: 'han-new-pin-1' });
    expect(tokenCount(sandbox, han.userId)).toBe(0);
    // Other settings end nothing.
    const again = await sandbox.as({ UserName: 'han@cea', PinCode: 'han-new-pin-1' });
    await master.json('PUT', `/v1/account/users/${han.userId}`, { FirstName: 'Han' });
    expect((await again.request('GET', '/v1/account')).status).toBe(200);
  });

  it('are removed at start once older than the longest session', async () => {
    const sandbox = createSandboxHarness();
    const han = await sandbox.as(HAN);
    sandbox.db.prepare('UPDATE auth_tokens SET created_at = ? WHERE token = ?').run(sandbox.clock.now() - AUTH_TOKEN_MAX_AGE_MS - 1, han.token);
    const fresh = await sandbox.as(HAN);
    createSandboxApp({ db: sandbox.db, clock: sandbox.clock, appKey: 'k', secretKey: 's', simulate: () => {} });
    expect(sandbox.db.prepare('SELECT token FROM auth_tokens WHERE user_id = ?').pluck().all(han.userId)).toEqual([fresh.token]);
  });
});
