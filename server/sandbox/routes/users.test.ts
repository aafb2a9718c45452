import { describe, expect, it } from 'vitest';
import seedExamples from '../../../docs/api/seed-examples.json' with { type: 'json' };
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { feedSchema } from '../../../src/contract/feed.ts';
import { userSchema } from '../../../src/contract/user.ts';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';

const HAN = { UserName: 'han@cea', PinCode: 'kessel-run-12' };
const LEIA = { UserName: 'leia@cea', PinCode: 'alderaan-1977' };

const seedBody = (section: string, kind: 'request' | 'response') => {
  const entry = seedExamples.find((example) => example.section === section && example.kind === kind);
  if (!entry) throw new Error(`No seed example ${section} ${kind}`);
  return structuredClone(entry.body) as Record<string, unknown>;
};

async function errorOf(response: Response) {
  return { status: response.status, ...apiErrorBodySchema.parse(await response.json()) };
}

describe('the seed examples of Create User and Update User Settings (contract)', () => {
  const sandbox = createSandboxHarness();

  it('creates a user from the documented request and answers the documented response', async () => {
    const master = await sandbox.as();
    const request = { ...seedBody('Account / Create User', 'request'), UserName: 'luke2@cea' };
    const response = await master.request('POST', '/v1/account/users', { body: request });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const expected = { ...seedBody('Account / Create User', 'response'), UserName: 'luke2@cea', UserID: body.UserID };
    expect(Object.keys(body)).toEqual(Object.keys(expected));
    expect(body).toEqual(expected);
    expect(body).not.toHaveProperty('PinCode');

    // The new user can log in with the PIN code it was given.
    const luke2 = await sandbox.as({ UserName: 'luke2@cea', PinCode: 'notmypwd123!!!' });
    expect(luke2.userId).toBe(body.UserID);
  });

  it('updates settings from the documented request and answers the documented response', async () => {
    const master = await sandbox.as();
    const created = await master.json<{ UserID: number }>('POST', '/v1/account/users', {
      ...seedBody('Account / Create User', 'request'),
      UserName: 'luke3@cea',
      Permissions: { CanSeeAllBroadcasts: false, CanSeeAllRoster: true, CanSeeGroupAudio: true },
    });
    const response = await master.request('PUT', `/v1/account/users/${created.UserID}`, {
      body: seedBody('Account / Update User Settings', 'request'),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const expected = { ...seedBody('Account / Update User Settings', 'response'), UserName: 'luke3@cea', UserID: created.UserID };
    expect(Object.keys(body)).toEqual(Object.keys(expected));
    expect(body).toEqual(expected);
  });
});

describe('creating users', () => {
  const sandbox = createSandboxHarness();

  it('fills the documented defaults: Retries 1, MaxMessageLength 120, every day', async () => {
    const master = await sandbox.as();
    const user = userSchema.parse(await master.json('POST', '/v1/account/users', { UserName: 'minimal@cea', PinCode: 'secret-123', CallingWindowDays: [] }));
    expect(user).toMatchObject({
      Retries: 1,
      MaxMessageLength: 120,
      CallThrottle: 0,
      ContinueOnNextDay: false,
      StartTimeOfDay: { Hour: 7, Minute: 0 },
      StopTimeOfDay: { Hour: 20, Minute: 0 },
      CallingWindowDays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      State: 'TX',
      CallerID: '2027075000',
      Permissions: { CanSeeAllBroadcasts: true, CanSeeAllRoster: true, CanSeeAllAudio: true, CanSeeGroupAudio: true },
    });
  });

  it('keeps the calling days it is given and stores phone numbers as 10 digits', async () => {
    const master = await sandbox.as();
    const user = userSchema.parse(
      await master.json('POST', '/v1/account/users', {
        UserName: 'weekdays@cea',
        PinCode: 'secret-123',
        Phone: '(212) 555-0187',
        CallerID: '+1 415 555 0142',
        CallingWindowDays: ['Friday', 'Monday'],
      }),
    );
    expect(user.CallingWindowDays).toEqual(['Monday', 'Friday']);
    expect(user.Phone).toBe('2125550187');
    expect(user.CallerID).toBe('4155550142');
  });

  it('requires a PinCode that passes the strength rule', async () => {
    const master = await sandbox.as();
    const missing = await errorOf(await master.request('POST', '/v1/account/users', { body: { UserName: 'nopin@cea' } }));
    expect(missing).toMatchObject({ status: 400, ErrorName: 'ValidationFailed' });
    expect(missing.Message).toMatch(/^PinCode:/);
    const weak = await errorOf(await master.request('POST', '/v1/account/users', { body: { UserName: 'weak@cea', PinCode: 'abcdefgh' } }));
    expect(weak).toMatchObject({ status: 400, Message: 'PinCode: Include a digit or a symbol' });
    const short = await errorOf(await master.request('POST', '/v1/account/users', { body: { UserName: 'short@cea', PinCode: 'a1' } }));
    expect(short.Message).toBe('PinCode: At least 8 characters');
  });

  it('refuses a UserName that is taken, whatever its case, with 409', async () => {
    const master = await sandbox.as();
    const response = await master.request('POST', '/v1/account/users', { body: { UserName: 'APITEST@cea', PinCode: 'secret-123' } });
    expect(await errorOf(response)).toMatchObject({ status: 409, ErrorName: 'DuplicateUserName', ErrorCode: 2202 });
  });

  it('refuses a calling window that ends before it starts, and an invalid caller ID', async () => {
    const master = await sandbox.as();
    const window = await master.request('POST', '/v1/account/users', {
      body: { UserName: 'window@cea', PinCode: 'secret-123', StartTimeOfDay: { Hour: 18, Minute: 0 }, StopTimeOfDay: { Hour: 9, Minute: 0 } },
    });
    expect(await errorOf(window)).toMatchObject({ status: 400, Message: 'StopTimeOfDay: The calling window must end after it starts' });
    const callerId = await master.request('POST', '/v1/account/users', { body: { UserName: 'cid@cea', PinCode: 'secret-123', CallerID: '123' } });
    expect(await errorOf(callerId)).toMatchObject({ status: 400, Message: 'CallerID: Not a valid US phone number' });
  });

  it('lets only master users create users', async () => {
    const leia = await sandbox.as(LEIA);
    const response = await leia.request('POST', '/v1/account/users', { body: { UserName: 'rebel@cea', PinCode: 'secret-123' } });
    expect(await errorOf(response)).toMatchObject({ status: 403, ErrorName: 'PermissionDenied', Message: 'Only a master user may create users.' });
  });

  it('needs the account to be allowed to create users', async () => {
    const other = createSandboxHarness();
    other.db.prepare('UPDATE accounts SET can_create_users = 0').run();
    const master = await other.as();
    const response = await master.request('POST', '/v1/account/users', { body: { UserName: 'new@cea', PinCode: 'secret-123' } });
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 403, ErrorName: 'PermissionDenied' });
    expect(error.Message).toMatch(/may not create users/);
  });
});

describe('updating users', () => {
  const sandbox = createSandboxHarness();

  it('lets a user change their own settings, partially', async () => {
    const han = await sandbox.as(HAN);
    const user = userSchema.parse(await han.json('PUT', '/v1/account/users/73314', { Retries: 3, CallingWindowDays: ['Monday'] }));
    expect(user).toMatchObject({ Retries: 3, CallingWindowDays: ['Monday'], MaxMessageLength: 60, FirstName: 'Han', State: 'CA' });
  });

  it("refuses a user's change of their own Permissions with 403 and changes nothing", async () => {
    const han = await sandbox.as(HAN);
    const response = await han.request('PUT', '/v1/account/users/73314', {
      body: { FirstName: 'Captain', Permissions: { CanSeeAllBroadcasts: true } },
    });
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 403, ErrorName: 'PermissionDenied', ErrorCode: 1101 });
    expect(error.Message).toMatch(/not your own Permissions/);
    const user = userSchema.parse(await han.json('GET', '/v1/account/users/73314'));
    expect(user.FirstName).toBe('Han');
    expect(user.Permissions.CanSeeAllBroadcasts).toBe(false);
  });

  it('accepts Permissions sent back unchanged, so a user read can be written back whole', async () => {
    const han = await sandbox.as(HAN);
    const current = userSchema.parse(await han.json('GET', '/v1/account/users/73314'));
    const user = userSchema.parse(await han.json('PUT', '/v1/account/users/73314', { ...current, LastName: 'Solo Jr.' }));
    expect(user.LastName).toBe('Solo Jr.');
  });

  it("refuses another user's settings to a non-master with 403", async () => {
    const leia = await sandbox.as(LEIA);
    const response = await leia.request('PUT', '/v1/account/users/73314', { body: { Retries: 2 } });
    expect(await errorOf(response)).toMatchObject({ status: 403, ErrorName: 'PermissionDenied' });
  });

  it("lets a master change anyone's permissions, and they apply at once", async () => {
    const master = await sandbox.as();
    const han = await sandbox.as(HAN);
    const before = feedSchema(userSchema).parse(await han.json('GET', '/v1/account/users'));
    expect(before.Items.map((item) => item.UserName)).toEqual(['han@cea']);
    const user = userSchema.parse(await master.json('PUT', '/v1/account/users/73314', { Permissions: { CanSeeAllAudio: true } }));
    expect(user.Permissions).toEqual({ CanSeeAllBroadcasts: false, CanSeeAllRoster: false, CanSeeAllAudio: true, CanSeeGroupAudio: true });
    const audio = (await han.json('GET', '/v1/audio?pagesize=100')) as { Items: { AudioID: string }[] };
    expect(audio.Items.map((item) => item.AudioID)).toContain('lw2290');
  });

  it('changes a PIN code and a UserName, refusing a taken one', async () => {
    const master = await sandbox.as();
    const created = userSchema.parse(await master.json('POST', '/v1/account/users', { UserName: 'rename@cea', PinCode: 'secret-123' }));
    await master.json('PUT', `/v1/account/users/${created.UserID}`, { UserName: 'renamed@cea', PinCode: 'another-456' });
    await expect(sandbox.as({ UserName: 'renamed@cea', PinCode: 'another-456' })).resolves.toBeTruthy();
    const taken = await master.request('PUT', `/v1/account/users/${created.UserID}`, { body: { UserName: 'leia@cea' } });
    expect(await errorOf(taken)).toMatchObject({ status: 409, ErrorName: 'DuplicateUserName' });
  });

  it('answers 404 for a user of no account it can see', async () => {
    const master = await sandbox.as();
    expect((await master.request('PUT', '/v1/account/users/999999', { body: { Retries: 2 } })).status).toBe(404);
  });
});

describe('listing users', () => {
  const sandbox = createSandboxHarness();

  it('gives a master the whole team as a Feed, searchable and sortable', async () => {
    const master = await sandbox.as();
    const feed = feedSchema(userSchema).parse(await master.json('GET', '/v1/account/users?sortby=UserName'));
    expect(feed.Size).toBe(3);
    expect(feed.Items.map((user) => user.UserName)).toEqual(['apitest@cea', 'han@cea', 'leia@cea']);
    expect(feed.Items[0]).toMatchObject({ Uri: '/v1/account/users/73312', IsMasterUser: true });
    const search = feedSchema(userSchema).parse(await master.json('GET', '/v1/account/users?search=organa'));
    expect(search.Items.map((user) => user.UserName)).toEqual(['leia@cea']);
    const masters = feedSchema(userSchema).parse(await master.json('GET', '/v1/account/users?IsMasterUser=true'));
    expect(masters.Size).toBe(1);
  });

  it('refuses an unknown filter with 400', async () => {
    const master = await sandbox.as();
    const response = await master.request('GET', '/v1/account/users?Password=x');
    expect(await errorOf(response)).toMatchObject({ status: 400, ErrorName: 'InvalidQueryParameter' });
  });
});
