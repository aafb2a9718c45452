import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BroadcastGroup, BroadcastGroupInput } from '../../src/contract/broadcast-group.ts';
import { sharedRedisCopies } from '../testing/redis-server.ts';
import { createBrowser, startTestSandbox } from '../testing/test-server.ts';
import { createBffApp } from './app.ts';
import { RecordStoreUnavailable } from './account-records.ts';
import { fileBroadcastGroups, memoryBroadcastGroups, sharedBroadcastGroups, type BroadcastGroupStore } from './broadcast-groups.ts';
import type { SharedStore } from './shared-store.ts';

const keys = { appKey: 'groups-app-key', secretKey: 'groups-secret-key' };
const LEIA = { UserName: 'leia@cea', PinCode: 'alderaan-1977' };
const part = (BroadcastID: number, TimeZone = 'America/Chicago', TimeZoneName = 'Central Time') => ({ BroadcastID, TimeZone, TimeZoneName, Recipients: 12 });
const picnic = (...ids: number[]): BroadcastGroupInput => ({
  Name: 'Picnic reminder',
  LocalStart: { Hour: 9, Minute: 30 },
  Parts: ids.map((id, at) => (at % 2 === 0 ? part(id) : part(id, 'America/New_York', 'Eastern Time'))),
});
const asGroup = (input: BroadcastGroupInput, GroupID = randomUUID()): BroadcastGroup => ({
  ...input,
  GroupID,
  CreatedAt: '2026-12-07T15:00:00.000Z',
  CreatedBy: 'Luke Skywalker',
});

/** Our server's clock: moved on by a test to see what a later write keeps. */
let clock = Date.parse('2026-12-07T15:42:00Z');
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let dir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox(keys);
  dir = mkdtempSync(join(tmpdir(), 'callboard-groups-'));
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

function server(options: { broadcastGroupsFile?: string | null; sharedStore?: SharedStore } = {}) {
  const app = createBffApp({
    apiUrl: sandbox.url,
    ...keys,
    sessionSecret: 'g'.repeat(40),
    sessionIdleMs: 3_600_000,
    sessionMaxMs: 3_600_000,
    trustProxy: false,
    sandbox: true,
    revokedSessionsFile: null,
    now: () => clock,
    ...options,
  });
  return () => createBrowser('http://callboard.test', (url, init) => app.request(url, init));
}

const groupOf = (browser: ReturnType<ReturnType<typeof server>>, broadcastId: number | string) =>
  browser.request('GET', `/api/broadcast-groups?broadcastId=${broadcastId}`);

describe('/api/broadcast-groups', () => {
  it('keeps a group that every user of the account finds from any of its broadcasts', async () => {
    const browser = server();
    const master = browser();
    await master.login();
    const groupId = randomUUID();
    const written = await master.request('PUT', `/api/broadcast-groups/${groupId}`, picnic(101, 102));
    expect(written.status).toBe(200);
    const group = { ...picnic(101, 102), GroupID: groupId, CreatedAt: '2026-12-07T15:42:00.000Z', CreatedBy: 'Luke Skywalker' };
    expect(await written.json()).toEqual(group);
    const staff = browser();
    await staff.login(LEIA);
    for (const id of [101, 102]) expect(await (await groupOf(staff, id)).json()).toEqual(group);
  });

  it('replaces the parts on a second write, keeping who wrote it first and when; a part left out is in no group', async () => {
    const browser = server();
    const master = browser();
    await master.login();
    const groupId = randomUUID();
    const first = (await (await master.request('PUT', `/api/broadcast-groups/${groupId}`, picnic(201))).json()) as BroadcastGroup;
    clock += 60_000;
    const staff = browser();
    await staff.login(LEIA);
    const second = await staff.request('PUT', `/api/broadcast-groups/${groupId.toUpperCase()}`, { ...picnic(202, 203), Name: '  Picnic, moved  ' });
    expect(second.status).toBe(200);
    const replaced = { ...picnic(202, 203), Name: 'Picnic, moved', GroupID: groupId, CreatedAt: first.CreatedAt, CreatedBy: 'Luke Skywalker' };
    expect(await second.json()).toEqual(replaced);
    expect(await (await groupOf(master, 203)).json()).toEqual(replaced);
    expect((await groupOf(master, 201)).status).toBe(404);
  });

  it('answers 409 when a broadcast is already in another group, and leaves both groups as they were', async () => {
    const master = server()();
    await master.login();
    const first = randomUUID();
    expect((await master.request('PUT', `/api/broadcast-groups/${first}`, picnic(301, 302))).status).toBe(200);
    const taken = await master.request('PUT', `/api/broadcast-groups/${randomUUID()}`, picnic(303, 302));
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({
      ErrorName: 'BroadcastInAnotherGroup',
      ErrorType: 'Conflict',
      Message: 'Broadcast 302 is already part of the group "Picnic reminder".',
    });
    expect((await groupOf(master, 303)).status).toBe(404);
    expect(((await (await groupOf(master, 302)).json()) as BroadcastGroup).GroupID).toBe(first);
  });

  it('answers 404 in the documented error body for a broadcast in no group', async () => {
    const master = server()();
    await master.login();
    const none = await groupOf(master, 999);
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ ErrorName: 'NotFound', ErrorType: 'NotFound', Message: 'Broadcast 999 is in no group.' });
  });

  it('answers 400 ValidationFailed for a bad group id, body or broadcast id, naming the field', async () => {
    const master = server()();
    await master.login();
    const groupId = randomUUID();
    const wrongId = await master.request('PUT', '/api/broadcast-groups/not-a-uuid', picnic(401));
    expect(wrongId.status).toBe(400);
    expect(await wrongId.json()).toMatchObject({ ErrorName: 'ValidationFailed', Message: 'GroupID: Expected a UUID.' });
    const wrongBody = await master.request('PUT', `/api/broadcast-groups/${groupId}`, {
      ...picnic(401),
      LocalStart: { Hour: 24, Minute: 0 },
      Parts: [part(0)],
    });
    expect(wrongBody.status).toBe(400);
    const body = (await wrongBody.json()) as { ErrorName: string; Message: string };
    expect(body.ErrorName).toBe('ValidationFailed');
    expect(body.Message).toContain('LocalStart.Hour:');
    expect(body.Message).toContain('Parts.0.BroadcastID:');
    expect((await master.request('PUT', `/api/broadcast-groups/${groupId}`, { ...picnic(401), Parts: [] })).status).toBe(400);
    expect((await master.request('PUT', `/api/broadcast-groups/${groupId}`, picnic(402, 402))).status).toBe(400);
    expect((await master.request('PUT', `/api/broadcast-groups/${groupId}`, { ...picnic(401), Name: '   ' })).status).toBe(400);
    expect((await master.request('PUT', `/api/broadcast-groups/${groupId}`, 'not an object')).status).toBe(400);
    for (const bad of ['', 'abc', '0', '-3', '1.5', '1234567890123456']) expect((await groupOf(master, bad)).status).toBe(400);
    expect((await master.request('GET', '/api/broadcast-groups')).status).toBe(400);
    // Nothing was kept by the refused writes.
    expect((await groupOf(master, 401)).status).toBe(404);
  });

  it('refuses anyone signed out, and a write without the CSRF header', async () => {
    const browser = server();
    expect((await groupOf(browser(), 1)).status).toBe(401);
    expect((await browser().request('PUT', `/api/broadcast-groups/${randomUUID()}`, picnic(501))).status).toBe(401);
    const master = browser();
    await master.login();
    expect((await master.request('PUT', `/api/broadcast-groups/${randomUUID()}`, picnic(501), { 'x-requested-with': '' })).status).toBe(403);
    expect((await groupOf(master, 501)).status).toBe(404);
  });

  it('keeps groups in DATA_DIR across restarts', async () => {
    const file = join(dir, 'broadcast-groups.json');
    const master = server({ broadcastGroupsFile: file })();
    await master.login();
    const groupId = randomUUID();
    const written = await (await master.request('PUT', `/api/broadcast-groups/${groupId}`, picnic(601, 602))).json();
    expect(Object.values(JSON.parse(readFileSync(file, 'utf8')) as object)).toContainEqual(written);
    const again = server({ broadcastGroupsFile: file })();
    await again.login();
    expect(await (await groupOf(again, 602)).json()).toEqual(written);
  });
});

describe.each([
  ['memory', memoryBroadcastGroups],
  ['a file', () => fileBroadcastGroups(join(dir, `store-${randomUUID()}.json`))],
])('the store in %s', (_where, create: () => BroadcastGroupStore) => {
  it('finds a group by each of its broadcasts, within its own account only', async () => {
    const store = create();
    const group = asGroup(picnic(11, 12));
    await store.write(7, group);
    expect(await store.read(7, group.GroupID)).toEqual(group);
    expect(await store.groupOf(7, 12)).toEqual(group);
    // Another account neither sees it nor is kept from using the same ids.
    expect(await store.read(8, group.GroupID)).toBeNull();
    expect(await store.groupOf(8, 12)).toBeNull();
    const theirs = asGroup(picnic(12));
    await store.write(8, theirs);
    expect(await store.groupOf(8, 12)).toEqual(theirs);
    expect(await store.groupOf(7, 12)).toEqual(group);
  });

  it('forgets a broadcast the group no longer holds', async () => {
    const store = create();
    const group = asGroup(picnic(21, 22));
    await store.write(7, group);
    await store.write(7, { ...group, Parts: [part(22)] });
    expect(await store.groupOf(7, 21)).toBeNull();
    expect((await store.groupOf(7, 22))?.Parts).toEqual([part(22)]);
  });
});

describe('the file store', () => {
  it('survives a restart, leaving out a group it cannot read', async () => {
    const file = join(dir, 'restart.json');
    const group = asGroup(picnic(31, 32));
    const broken = asGroup(picnic(33));
    await fileBroadcastGroups(file).write(7, group);
    await fileBroadcastGroups(file).write(7, broken);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...kept, [`7:group:${broken.GroupID}`]: { ...broken, Parts: 'soon' } }));
    const reread = fileBroadcastGroups(file);
    expect(await reread.groupOf(7, 31)).toEqual(group);
    expect(await reread.groupOf(7, 33)).toBeNull();
    expect(await reread.read(7, broken.GroupID)).toBeNull();
  });

  it('drops the pointer of a broadcast the group no longer holds', async () => {
    const file = join(dir, 'pointers.json');
    const group = asGroup(picnic(41, 42));
    await fileBroadcastGroups(file).write(7, group);
    await fileBroadcastGroups(file).write(7, { ...group, Parts: [part(42)] });
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object).sort()).toEqual(['7:broadcast:42', `7:group:${group.GroupID}`]);
  });
});

describe('several copies (REDIS_URL)', () => {
  const { copy, kill } = sharedRedisCopies(server);

  it('a group written on one copy is read on the other; with Redis down a read fails rather than answering 404', async () => {
    const a = copy();
    const b = copy();
    await expect.poll(() => a.store.up && b.store.up).toBe(true);
    const onA = a.browser();
    await onA.login();
    const groupId = randomUUID();
    expect((await onA.request('PUT', `/api/broadcast-groups/${groupId}`, picnic(701, 702))).status).toBe(200);
    expect((await onA.request('PUT', `/api/broadcast-groups/${groupId}`, picnic(702))).status).toBe(200);
    const onB = b.browser();
    onB.cookie = onA.cookie;
    expect(((await (await groupOf(onB, 702)).json()) as BroadcastGroup).Parts).toEqual(picnic(702).Parts);
    expect((await groupOf(onB, 701)).status).toBe(404);
    expect((await onB.request('PUT', `/api/broadcast-groups/${randomUUID()}`, picnic(702))).status).toBe(409);

    kill();
    await expect.poll(() => b.store.up).toBe(false);
    // Ended sessions fail closed too (decision 174): either way, never "in no group".
    expect([401, 502]).toContain((await groupOf(onB, 702)).status);
    expect([401, 502]).toContain((await onB.request('PUT', `/api/broadcast-groups/${groupId}`, picnic(702))).status);
    // The store itself says it cannot answer, which the routes turn into 502 UpstreamUnavailable.
    await expect(sharedBroadcastGroups(b.store).groupOf(1, 702)).rejects.toBeInstanceOf(RecordStoreUnavailable);
    await expect(sharedBroadcastGroups(b.store).write(1, asGroup(picnic(703)))).rejects.toBeInstanceOf(RecordStoreUnavailable);
  });
});
