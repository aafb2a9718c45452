import { describe, expect, it } from 'vitest';
import seedExamples from '../../../docs/api/seed-examples.json' with { type: 'json' };
import { contactSchema, type Contact } from '../../../src/contract/contact.ts';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { feedSchema } from '../../../src/contract/feed.ts';
import { contactListSchema, type ContactList } from '../../../src/contract/list.ts';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';

const HAN = { UserName: 'han@cea', PinCode: 'kessel-run-12' };

function seedBody(section: string, kind: 'request' | 'response'): Record<string, unknown> {
  const entry = seedExamples.find((example) => example.section === section && example.kind === kind);
  if (!entry) throw new Error(`No seed example ${section} (${kind})`);
  return entry.body as Record<string, unknown>;
}

const listKeys = Object.keys(seedBody('Contact Lists / Get Contact List', 'response'));

async function errorOf(response: Response) {
  return apiErrorBodySchema.parse(await response.json());
}

type Feed<T> = { Size: number; Items: T[]; Previous: string | null; Next: string | null };

describe('lists: the seed examples (§16, §17)', () => {
  const sandbox = createSandboxHarness();

  it('answers Query Contact Lists with the system lists first, each list with exactly the seed’s keys', async () => {
    const master = await sandbox.as();
    const example = seedBody('Contact Lists / Query Contact Lists', 'response') as { Items: Array<Record<string, unknown>> };
    const feed = await master.json<Feed<ContactList>>('GET', '/v1/lists?pagesize=100');
    expect(Object.keys(feed)).toEqual(Object.keys(example));
    feedSchema(contactListSchema).parse(feed);
    for (const item of feed.Items) expect(Object.keys(item)).toEqual(Object.keys(example.Items[0]!));
    expect(feed.Items.slice(0, 3).map(({ Uri, ListID, ListType, ListName }) => ({ Uri, ListID, ListType, ListName }))).toEqual(
      example.Items.slice(0, 3).map(({ Uri, ListID, ListType, ListName }) => ({ Uri, ListID, ListType, ListName })),
    );
    expect(feed.Size).toBe(13);
    expect(feed.Items[0]?.RosterCount).toBe(12);
    expect(feed.Items[1]?.RosterCount).toBe(4233 - 12);
    // The rest are the user lists, by name.
    const names = feed.Items.slice(3).map((item) => item.ListName ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('answers Get Contact List and Get Everyone List in the seed shape', async () => {
    const master = await sandbox.as();
    const list = await master.json<ContactList>('GET', '/v1/lists/34');
    expect(Object.keys(list)).toEqual(listKeys);
    expect(list).toMatchObject({ Uri: '/v1/lists/34', ListID: 34, ListType: 'User', ListName: 'Parents — Lincoln Elementary' });
    expect(list.LastUpdated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);

    const everyone = await master.json<ContactList>('GET', '/v1/lists/everyone');
    const example = seedBody('Contact Lists / Get Everyone List', 'response');
    expect(Object.keys(everyone)).toEqual(Object.keys(example));
    const { LastUpdated: _date, RosterCount: _count, ...fixed } = example;
    expect(everyone).toMatchObject(fixed);
    expect(await master.json('GET', '/v1/lists/0')).toEqual(everyone);
    expect((await master.json<ContactList>('GET', '/v1/lists/unfiled')).ListID).toBe(-1);
  });

  it('accepts the Create Contact List example and answers its reply', async () => {
    const master = await sandbox.as();
    const created = await master.json<ContactList>('POST', '/v1/lists', seedBody('Contact Lists / Create Contact List', 'request'));
    const example = seedBody('Contact Lists / Create Contact List', 'response');
    expect(Object.keys(created)).toEqual(Object.keys(example));
    const { Uri: _uri, ListID: _id, LastUpdated: _date, ...documented } = example;
    expect(created).toMatchObject(documented);
    expect(created.Uri).toBe(`/v1/lists/${created.ListID}`);
  });

  it('answers Query List Contacts with the seed item shape', async () => {
    const master = await sandbox.as();
    const example = seedBody('Contact List Membership / Query List Contacts', 'response') as { Items: object[] };
    const feed = await master.json<Feed<Contact>>('GET', '/v1/lists/34/contacts');
    expect(Object.keys(feed)).toEqual(Object.keys(example));
    feedSchema(contactSchema).parse(feed);
    expect(feed.Size).toBe((await master.json<ContactList>('GET', '/v1/lists/34')).RosterCount);
    for (const item of feed.Items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(Object.keys(example.Items[0]!)));
      expect(item.Lists?.map((list) => list.ListID)).toContain(34);
    }
  });
});

describe('lists: create, rename, delete', () => {
  const sandbox = createSandboxHarness();

  it('renames a list, refuses a name in use, and deletes it keeping its contacts', async () => {
    const master = await sandbox.as();
    const list = await master.json<ContactList>('POST', '/v1/lists', { ListName: 'Chess Club' });
    const renamed = await master.json<ContactList>('PUT', `/v1/lists/${list.ListID}`, { ListName: 'Chess & Go Club', ListDescription: 'Tuesdays' });
    expect(renamed).toMatchObject({ ListName: 'Chess & Go Club', ListDescription: 'Tuesdays' });

    const taken = await master.request('POST', '/v1/lists', { body: { ListName: 'staff' } });
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).Message).toBe('A list named "staff" already exists.');
    expect((await master.request('POST', '/v1/lists', { body: { ListName: 'Everyone' } })).status).toBe(409);

    const contact = await master.json<Contact>('POST', '/v1/contacts', { PrimaryPhone: '4695550201', Lists: [{ ListID: list.ListID }] });
    expect(await master.json('DELETE', `/v1/lists/${list.ListID}`)).toEqual({ ListID: list.ListID, Deleted: true });
    expect((await master.request('GET', `/v1/lists/${list.ListID}`)).status).toBe(404);
    expect((await master.json<Contact>('GET', `/v1/contacts/${contact.PersonID}`)).Lists).toEqual([]);
  });

  it('protects the system lists', async () => {
    const master = await sandbox.as();
    const everyone = (await master.json<ContactList>('GET', '/v1/lists/everyone')).RosterCount;
    for (const [method, path] of [
      ['PUT', '/v1/lists/everyone'],
      ['DELETE', '/v1/lists/deleted'],
      ['DELETE', '/v1/lists/-1'],
    ] as const) {
      const response = await master.request(method, path, method === 'PUT' ? { body: { ListName: 'All' } } : {});
      expect(response.status, `${method} ${path}`).toBe(403);
      expect((await errorOf(response)).ErrorName).toBe('PermissionDenied');
    }
    const removeAll = await master.request('DELETE', '/v1/lists/everyone/contacts');
    expect(removeAll.status).toBe(405);
    expect((await master.json<ContactList>('GET', '/v1/lists/everyone')).RosterCount).toBe(everyone);
  });

  it('refuses bad bodies with 400', async () => {
    const master = await sandbox.as();
    const response = await master.request('POST', '/v1/lists', { body: { ListName: '  ', ListDescription: 'x' } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).Message).toBe('ListName: Enter a list name');
  });
});

describe('lists: membership', () => {
  const sandbox = createSandboxHarness();

  it('adds contacts, removes one, the named ones, or all of them', async () => {
    const master = await sandbox.as();
    const list = await master.json<ContactList>('POST', '/v1/lists', { ListName: 'Robotics' });
    const path = `/v1/lists/${list.ListID}/contacts`;
    const ids = [4_947_404, 4_947_405, 4_947_406, 4_947_407];
    expect(
      await master.json(
        'POST',
        path,
        ids.map((PersonID) => ({ PersonID })),
      ),
    ).toEqual({ Count: 4, PersonIDs: ids });
    // Adding a member again changes nothing.
    expect(await master.json('POST', path, [{ PersonID: ids[0] }])).toEqual({ Count: 0, PersonIDs: [] });
    expect((await master.json<ContactList>('GET', `/v1/lists/${list.ListID}`)).RosterCount).toBe(4);

    expect(await master.json('DELETE', `${path}/${ids[0]}`)).toEqual({ Count: 1, PersonIDs: [ids[0]] });
    expect(await master.json('DELETE', path, [{ PersonID: ids[1] }])).toEqual({ Count: 1, PersonIDs: [ids[1]] });
    expect(await master.json('DELETE', path)).toEqual({ Count: 2, PersonIDs: [ids[2], ids[3]] });
    expect((await master.json<Feed<Contact>>('GET', path)).Size).toBe(0);
    // The contacts themselves stay.
    expect((await master.request('GET', `/v1/contacts/${ids[0]}`)).status).toBe(200);
  });

  it('refuses to add a contact that is in the Deleted folder, or one the user cannot see', async () => {
    const master = await sandbox.as();
    const [deleted] = (await master.json<Feed<Contact>>('GET', '/v1/lists/deleted/contacts')).Items;
    const response = await master.request('POST', '/v1/lists/34/contacts', { body: [{ PersonID: deleted!.PersonID }] });
    expect(response.status).toBe(409);

    const han = await sandbox.as(HAN);
    const [fieldTeam] = (await han.json<Feed<ContactList>>('GET', '/v1/lists?ListType=User')).Items;
    const hidden = await han.request('POST', `/v1/lists/${fieldTeam!.ListID}/contacts`, { body: [{ PersonID: 4_947_404 }] });
    expect(hidden.status).toBe(404);
  });

  it('lists the unfiled contacts: active and in no list', async () => {
    const master = await sandbox.as();
    const contact = await master.json<Contact>('POST', '/v1/contacts', { PrimaryPhone: '4695550202' });
    const unfiled = await master.json<Feed<Contact>>('GET', `/v1/lists/unfiled/contacts?PersonID=${contact.PersonID}`);
    expect(unfiled.Size).toBe(1);
    await master.json('POST', '/v1/lists/34/contacts', [{ PersonID: contact.PersonID }]);
    expect((await master.json<Feed<Contact>>('GET', `/v1/lists/unfiled/contacts?PersonID=${contact.PersonID}`)).Size).toBe(0);
  });
});

describe('lists: permissions', () => {
  const sandbox = createSandboxHarness();

  it('shows a user without CanSeeAllRoster only their own lists, counting only their contacts', async () => {
    const han = await sandbox.as(HAN);
    const feed = await han.json<Feed<ContactList>>('GET', '/v1/lists');
    expect(feed.Items.map((list) => list.ListName)).toEqual(['Deleted', 'Everyone', 'Unfiled', 'Field Team']);
    expect((await han.request('GET', '/v1/lists/34')).status).toBe(404);
    expect((await han.request('GET', '/v1/lists/34/contacts')).status).toBe(404);
    expect((await han.request('DELETE', '/v1/lists/34')).status).toBe(404);
    // A list name another user took is free for Han, who cannot see it.
    expect((await han.request('POST', '/v1/lists', { body: { ListName: 'Staff' } })).status).toBe(200);
  });
});
