import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error.ts';
import { userSchema } from '../../src/contract/user.ts';
import { createSandboxHarness } from '../testing/sandbox-client.ts';

describe('sandbox app', () => {
  const sandbox = createSandboxHarness();

  it('answers unsigned requests with 401 and the documented error body', async () => {
    const response = await sandbox.app.request('http://sandbox.test/v1/account');
    expect(response.status).toBe(401);
    expect(apiErrorBodySchema.parse(await response.json())).toMatchObject({
      ErrorCode: 1001,
      ErrorName: 'MissingAuthorization',
      ErrorType: 'Authentication',
    });
  });

  it('logs in with the documented body and answers UserID and AuthToken', async () => {
    const response = await sandbox.request('POST', '/v1/user/login', { body: { UserName: 'apitest@cea', PinCode: 'notmypwd123!!!' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['AuthToken', 'UserID']);
    expect(body.AuthToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('refuses a wrong PIN code with 401', async () => {
    const response = await sandbox.request('POST', '/v1/user/login', { body: { UserName: 'apitest@cea', PinCode: 'nope' } });
    expect(response.status).toBe(401);
    expect(apiErrorBodySchema.parse(await response.json()).ErrorName).toBe('InvalidCredentials');
  });

  it('refuses a login body that is not JSON with 400', async () => {
    const response = await sandbox.request('POST', '/v1/user/login', { rawBody: '{"UserName":', contentType: 'application/json' });
    expect(response.status).toBe(400);
    expect(apiErrorBodySchema.parse(await response.json()).ErrorName).toBe('InvalidJson');
  });

  it('refuses a token it never issued with 401', async () => {
    const response = await sandbox.request('GET', '/v1/account', { token: '11111111-1111-1111-1111-111111111111' });
    expect(response.status).toBe(401);
    expect(apiErrorBodySchema.parse(await response.json()).ErrorName).toBe('InvalidAuthToken');
  });

  it('answers unknown routes with 404 in the error body', async () => {
    const client = await sandbox.as();
    const response = await client.request('GET', '/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(apiErrorBodySchema.parse(await response.json()).ErrorName).toBe('RouteNotFound');
  });

  it("returns a user in the seed's shape, and hides other users from a non-master", async () => {
    const master = await sandbox.as();
    const user = userSchema.parse(await master.json('GET', '/v1/account/users/73314'));
    expect(user).toMatchObject({ UserName: 'han@cea', State: 'CA', Permissions: { CanSeeAllRoster: false } });

    const han = await sandbox.as({ UserName: 'han@cea', PinCode: 'kessel-run-12' });
    expect((await han.request('GET', '/v1/account/users/73314')).status).toBe(200);
    const forbidden = await han.request('GET', '/v1/account/users/73312');
    expect(forbidden.status).toBe(403);
    expect(apiErrorBodySchema.parse(await forbidden.json()).ErrorName).toBe('PermissionDenied');
  });

  it('moves the clock forward through the control route', async () => {
    const client = await sandbox.as();
    const before = sandbox.clock.now();
    const response = await client.request('POST', '/sandbox/clock/advance', { body: { Minutes: 90 } });
    expect(response.status).toBe(200);
    expect(sandbox.clock.now() - before).toBeGreaterThanOrEqual(90 * 60_000);
  });
});
