import { describe, expect, it } from 'vitest';
import seedExamples from '../../../docs/api/seed-examples.json' with { type: 'json' };
import { contactBatchResultSchema, contactSchema, type Contact } from '../../../src/contract/contact.ts';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { feedSchema } from '../../../src/contract/feed.ts';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';
import { encodeCursor } from '../http/list-query.ts';

const HAN = { UserName: 'han@cea', PinCode: 'kessel-run-12' };
const FIRST_DEMO_CONTACT = 4_947_403;
const ACTIVE_DEMO_CONTACTS = 4233 - 12;

function seedBody(section: string, kind: 'request' | 'response'): Record<string, unknown> {
  const entry = seedExamples.find((example) => example.section === section && example.kind === kind);
  if (!entry) throw new Error(`No seed example ${section} (${kind})`);
  return entry.body as Record<string, unknown>;
}

/** Every key of the seed's example is answered, and nothing the documented Contact model lacks. */
function expectContactShape(contact: object, example: object) {
  const keys = Object.keys(contact);
  expect(keys).toEqual(expect.arrayContaining(Object.keys(example)));
  expect(Object.keys(contactSchema.shape)).toEqual(expect.arrayContaining(keys));
  contactSchema.parse(contact);
}

async function errorOf(response: Response) {
  return apiErrorBodySchema.parse(await response.json());
}

describe('contacts: the seed examples (§15)', () => {
  const sandbox = createSandboxHarness();

  it('answers Query Contacts in the Feed envelope with the seed item shape', async () => {
    const master = await sandbox.as();
    const example = seedBody('Contacts / Query Contacts', 'response') as { Items: object[] };
    const feed = await master.json<{ Items: Contact[]; Size: number; Next: string | null; Previous: string | null }>('GET', '/v1/contacts');
    expect(Object.keys(feed)).toEqual(Object.keys(example));
    feedSchema(contactSchema).parse(feed);
    expect(feed).toMatchObject({ Size: ACTIVE_DEMO_CONTACTS, Previous: null, Next: '/v1/contacts?page=2' });
    expect(feed.Items).toHaveLength(10);
    expect(feed.Items[0]?.Uri).toBe(`/v1/contacts/${FIRST_DEMO_CONTACT}`);
    for (const item of feed.Items) expectContactShape(item, example.Items[0]!);
  });

  it('answers Get Contact with the seed shape', async () => {
    const master = await sandbox.as();
    const contact = await master.json<Contact>('GET', `/v1/contacts/${FIRST_DEMO_CONTACT}`);
    expectContactShape(contact, seedBody('Contacts / Get Contact', 'response'));
    expect(contact.PersonID).toBe(FIRST_DEMO_CONTACT);
    expect(contact.PrimaryPhone).toMatch(/^\d{10}$/);
  });

  it('accepts the Create Contact example and answers its reply', async () => {
    const master = await sandbox.as();
    const example = seedBody('Contacts / Create Contact', 'response');
    const created = await master.json<Contact>('POST', '/v1/contacts', seedBody('Contacts / Create Contact', 'request'));
    expectContactShape(created, example);
    const { Uri: _uri, PersonID: _id, ...documented } = example;
    expect(created).toMatchObject(documented);
    expect(created.Uri).toBe(`/v1/contacts/${created.PersonID}`);
    expect(created.Lists).toEqual([]);

    const everyone = await master.json<{ RosterCount: number }>('GET', '/v1/lists/everyone');
    expect(everyone.RosterCount).toBe(ACTIVE_DEMO_CONTACTS + 1);
  });
});

describe('contacts: create, read, update', () => {
  const sandbox = createSandboxHarness();

  it('normalises phones and joins the named lists', async () => {
    const master = await sandbox.as();
    const created = await master.json<Contact>('POST', '/v1/contacts', {
      FirstName: ' Ada ',
      PrimaryPhone: '+1 (469) 555-0123',
      SecondaryPhone: '1.972.555.0188',
      Lists: [{ ListID: 34 }, { ListID: '36' }, { ListID: 0 }],
    });
    expect(created).toMatchObject({ FirstName: 'Ada', PrimaryPhone: '4695550123', SecondaryPhone: '9725550188' });
    expect(created.Lists?.map((list) => list.ListID).sort()).toEqual([34, 36]);
    expect(created.Lists?.[0]).toMatchObject({ ListType: 'User', Uri: expect.stringMatching(/^\/v1\/lists\/3[46]$/) });
  });

  it.each([
    [{ FirstName: 'No phone' }, 'PrimaryPhone: Enter the primary phone number'],
    [{ PrimaryPhone: '555-1234' }, 'PrimaryPhone: Not a valid US phone number'],
    [{ PrimaryPhone: '2.14555E+09' }, 'PrimaryPhone: The number was shortened by a spreadsheet (scientific notation)'],
    [{ PrimaryPhone: '4695550177', SecondaryPhone: '(469) 555-0177' }, 'SecondaryPhone: Same number as primary phone'],
    [{ PrimaryPhone: '4695550177', Notes: 'x'.repeat(51) }, 'Notes: At most 50 characters'],
    [{ PrimaryPhone: '4695550177', IntegrationData: 'x'.repeat(513) }, 'IntegrationData: At most 512 characters'],
    [{ PrimaryPhone: '4695550177', LastName: 'x'.repeat(51) }, 'LastName: At most 50 characters'],
    [{ PrimaryPhone: '4695550177', Lists: [{ ListID: -2 }] }, 'Lists: contacts join Unfiled and Deleted by themselves; name lists of yours.'],
  ])('refuses %j with 400 and changes nothing', async (body, message) => {
    const master = await sandbox.as();
    const before = await master.json<{ Size: number }>('GET', '/v1/contacts?pagesize=1');
    const response = await master.request('POST', '/v1/contacts', { body });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ ErrorCode: 2102, ErrorName: 'ValidationFailed', ErrorType: 'Validation', Message: message });
    expect((await master.json<{ Size: number }>('GET', '/v1/contacts?pagesize=1')).Size).toBe(before.Size);
  });

  it('refuses a second contact with the same primary number (409), naming the first', async () => {
    const master = await sandbox.as();
    const first = await master.json<Contact>('POST', '/v1/contacts', { PrimaryPhone: '4695550199' });
    const response = await master.request('POST', '/v1/contacts', { body: { PrimaryPhone: '(469) 555-0199', FirstName: 'Twin' } });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({
      ErrorName: 'DuplicateContact',
      Message: `A contact with the phone number (469) 555-0199 already exists (PersonID ${first.PersonID}).`,
    });
  });

  it('updates only the fields sent, keeps flags with their numbers, and sets memberships', async () => {
    const master = await sandbox.as();
    const created = await master.json<Contact>('POST', '/v1/contacts', {
      FirstName: 'Grace',
      PrimaryPhone: '4695550111',
      SecondaryPhone: '4695550112',
      DoNotCallSecondaryPhone: true,
      Lists: [{ ListID: 34 }],
    });
    const path = `/v1/contacts/${created.PersonID}`;
    // Swapping the numbers carries the do-not-call flag to the secondary number's new slot.
    const swapped = await master.json<Contact>('PUT', path, { PrimaryPhone: '4695550112', SecondaryPhone: '4695550111', Notes: 'Swapped' });
    expect(swapped).toMatchObject({
      FirstName: 'Grace',
      PrimaryPhone: '4695550112',
      SecondaryPhone: '4695550111',
      Notes: 'Swapped',
      DoNotCallPrimaryPhone: true,
      DoNotCallSecondaryPhone: false,
    });
    const moved = await master.json<Contact>('PUT', path, { Lists: [{ ListID: 35 }] });
    expect(moved.Lists?.map((list) => list.ListID)).toEqual([35]);
    const cleared = await master.json<Contact>('PUT', path, { SecondaryPhone: '', DoNotCallPrimaryPhone: false });
    expect(cleared).toMatchObject({ SecondaryPhone: '', DoNotCallPrimaryPhone: false });

    const blank = await master.request('PUT', path, { body: { PrimaryPhone: '' } });
    expect(blank.status).toBe(400);
    expect((await master.json<Contact>('GET', path)).PrimaryPhone).toBe('4695550112');
  });

  it('refuses an update to another contact’s number', async () => {
    const master = await sandbox.as();
    const a = await master.json<Contact>('POST', '/v1/contacts', { PrimaryPhone: '4695550121' });
    const b = await master.json<Contact>('POST', '/v1/contacts', { PrimaryPhone: '4695550122' });
    const response = await master.request('PUT', `/v1/contacts/${b.PersonID}`, { body: { PrimaryPhone: a.PrimaryPhone } });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).ErrorName).toBe('DuplicateContact');
  });

  it('shows an account opt-out of a number on every contact that has it', async () => {
    const master = await sandbox.as();
    const optedOut = sandbox.db
      .prepare<[], { phone_number: string; do_not_call: number; do_not_text: number }>(
        'SELECT phone_number, do_not_call, do_not_text FROM opt_outs WHERE do_not_text = 1 AND do_not_call = 1 LIMIT 1',
      )
      .get()!;
    const feed = await master.json<{ Items: Contact[] }>('GET', `/v1/contacts?PrimaryPhone=${optedOut.phone_number}`);
    expect(feed.Items[0]).toMatchObject({ DoNotCallPrimaryPhone: true, PrimaryPhoneTextOptInStatus: 'OptedOut' });
    const filtered = await master.json<{ Items: Contact[] }>('GET', '/v1/contacts?DoNotCallPrimaryPhone=true&pagesize=100');
    expect(filtered.Items.map((item) => item.PrimaryPhone)).toContain(optedOut.phone_number);
    expect(filtered.Items.every((item) => item.DoNotCallPrimaryPhone)).toBe(true);
  });
});

describe('contacts: search, sort and paging', () => {
  const sandbox = createSandboxHarness();

  it('finds contacts by phone digits in any format, and by name words in any order', async () => {
    const master = await sandbox.as();
    await master.json('POST', '/v1/contacts', { FirstName: 'Zelda', LastName: 'Quartermaine', PrimaryPhone: '4695550142' });
    for (const term of ['555-0142', '(469) 555 0142', '1 469 555 0142', 'zelda', 'Quartermaine zel', 'zelda 0142']) {
      const feed = await master.json<{ Size: number; Items: Contact[] }>('GET', `/v1/contacts?search=${encodeURIComponent(term)}`);
      expect(feed.Size, term).toBe(1);
      expect(feed.Items[0]?.LastName).toBe('Quartermaine');
    }
    const none = await master.json<{ Size: number }>('GET', '/v1/contacts?search=zelda%20777');
    expect(none.Size).toBe(0);
  });

  it('finds names with and without accents, either way, short words too (decision 0144)', async () => {
    const master = await sandbox.as();
    await master.json('POST', '/v1/contacts', { FirstName: 'Renée', LastName: 'Quiñonezová', PrimaryPhone: '4695550171' });
    await master.json('POST', '/v1/contacts', { FirstName: 'Jörgen', LastName: 'Mulleritz', PrimaryPhone: '4695550172' });
    const found = async (term: string) =>
      (await master.json<{ Items: Contact[] }>('GET', `/v1/contacts?search=${encodeURIComponent(term)}`)).Items.map((item) => item.FirstName);
    for (const term of ['Quinonezova', 'quiñonezová', 'RENEE quinonez', 'Renée Quiñ', 'quin re']) expect(await found(term), term).toEqual(['Renée']);
    for (const term of ['Mülleritz', 'mulleritz', 'Jorgen Mül', 'jö mülleritz']) expect(await found(term), term).toEqual(['Jörgen']);
  });

  it('finds every contact containing 214 in a number (the seed’s example query)', async () => {
    const master = await sandbox.as();
    const feed = await master.json<{ Size: number; Items: Contact[]; Next: string | null }>('GET', '/v1/contacts?search=214&pagesize=50');
    expect(feed.Size).toBeGreaterThan(0);
    for (const item of feed.Items) expect(`${item.PrimaryPhone} ${item.SecondaryPhone} ${item.TertiaryPhone}`).toContain('214');
  });

  it('pages a search in PersonID order either way, by page or cursor, without the Deleted folder’s matches', async () => {
    const master = await sandbox.as();
    const created: Contact[] = [];
    for (const phone of ['4695550161', '4695550162', '4695550163', '4695550164']) {
      created.push(await master.json<Contact>('POST', '/v1/contacts', { FirstName: 'Ivo', LastName: 'Quillfeather', PrimaryPhone: phone }));
    }
    await master.json('DELETE', `/v1/contacts/${created[1]!.PersonID}?MoveToDeleted=true`);
    const active = created.filter((_, index) => index !== 1).map((contact) => contact.PersonID);
    const ids = async (query: string) => {
      const feed = await master.json<{ Size: number; Items: Contact[] }>('GET', `/v1/contacts?search=quillfeather&${query}`);
      return { size: feed.Size, ids: feed.Items.map((item) => item.PersonID) };
    };

    expect(await ids('')).toEqual({ size: 3, ids: active });
    expect(await ids('sortby=-PersonID')).toEqual({ size: 3, ids: [...active].reverse() });
    expect(await ids('pagesize=1&page=2')).toEqual({ size: 3, ids: [active[1]] });
    expect(await ids(`pagesize=1&after=${encodeCursor([active[0]])}`)).toEqual({ size: 3, ids: [active[1]] });
    expect(await ids(`sortby=-PersonID&pagesize=2&after=${encodeCursor([active[2]])}`)).toEqual({ size: 3, ids: [active[1], active[0]] });
    const folder = await master.json<{ Size: number; Items: Contact[] }>('GET', '/v1/lists/deleted/contacts?search=quillfeather');
    expect(folder.Items.map((item) => item.PersonID)).toEqual([created[1]!.PersonID]);
  });

  it('sorts by any column and refuses unknown fields', async () => {
    const master = await sandbox.as();
    const feed = await master.json<{ Items: Contact[] }>('GET', '/v1/contacts?sortby=-LastName,FirstName&pagesize=20');
    const names = feed.Items.map((item) => item.LastName!.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    const response = await master.request('GET', '/v1/contacts?Nickname=x');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).ErrorName).toBe('InvalidQueryParameter');
  });
});

describe('contacts: delete, the Deleted folder, restore and purge', () => {
  const sandbox = createSandboxHarness();

  it('moves one contact to the Deleted folder, out of its lists, and restores it into them', async () => {
    const master = await sandbox.as();
    const contact = await master.json<Contact>('POST', '/v1/contacts', { PrimaryPhone: '4695550151', Lists: [{ ListID: 34 }] });
    const rosterOf = async (list: string) => (await master.json<{ RosterCount: number }>('GET', `/v1/lists/${list}`)).RosterCount;
    const [inList, deleted] = [await rosterOf('34'), await rosterOf('deleted')];

    const moved = contactBatchResultSchema.parse(await master.json('DELETE', `/v1/contacts/${contact.PersonID}?MoveToDeleted=true`));
    expect(moved).toEqual({ Count: 1, PersonIDs: [contact.PersonID] });
    expect(await rosterOf('34')).toBe(inList - 1);
    expect(await rosterOf('deleted')).toBe(deleted + 1);
    const inFolder = await master.json<Contact>('GET', `/v1/contacts/${contact.PersonID}`);
    expect(inFolder.Lists).toEqual([{ Uri: '/v1/lists/deleted', ListID: -2, ListType: 'System', ListName: 'Deleted' }]);
    expect((await master.request('PUT', `/v1/contacts/${contact.PersonID}`, { body: { Notes: 'x' } })).status).toBe(409);

    const restored = await master.json('POST', '/v1/lists/everyone/contacts', [{ PersonID: contact.PersonID }]);
    expect(restored).toEqual({ Count: 1, PersonIDs: [contact.PersonID] });
    expect(await rosterOf('34')).toBe(inList);
    expect((await master.json<Contact>('GET', `/v1/contacts/${contact.PersonID}`)).Lists?.map((list) => list.ListID)).toEqual([34]);
  });

  it('dates each contact in the Deleted folder and sorts the folder by that date (decision 0145)', async () => {
    const master = await sandbox.as();
    const ids: number[] = [];
    for (const phone of ['4695550181', '4695550182', '4695550183']) {
      const contact = await master.json<Contact>('POST', '/v1/contacts', { FirstName: 'Del', LastName: 'Order', PrimaryPhone: phone });
      ids.push(contact.PersonID!);
    }
    // Deleted in another order than they were made.
    for (const id of [ids[1], ids[2], ids[0]]) {
      await master.json('DELETE', `/v1/contacts/${id}?MoveToDeleted=true`);
      sandbox.advance(1);
    }
    const folder = await master.json<{ Items: Contact[] }>('GET', '/v1/lists/deleted/contacts?search=Order&sortby=-DeletedDate');
    expect(folder.Items.map((item) => item.PersonID)).toEqual([ids[0], ids[2], ids[1]]);
    expect(folder.Items.every((item) => typeof item.DeletedDate === 'string')).toBe(true);
    expect(folder.Items[0]!.DeletedDate! > folder.Items[1]!.DeletedDate!).toBe(true);
    const active = await master.json<Contact>('POST', '/v1/contacts', { PrimaryPhone: '4695550184' });
    expect(Object.keys(await master.json<Contact>('GET', `/v1/contacts/${active.PersonID}`))).not.toContain('DeletedDate');
  });

  it('deletes for good without MoveToDeleted', async () => {
    const master = await sandbox.as();
    const contact = await master.json<Contact>('POST', '/v1/contacts', { PrimaryPhone: '4695550152', Lists: [{ ListID: 34 }] });
    expect(await master.json('DELETE', `/v1/contacts/${contact.PersonID}`)).toEqual({ Count: 1, PersonIDs: [contact.PersonID] });
    expect((await master.request('GET', `/v1/contacts/${contact.PersonID}`)).status).toBe(404);
    const members = sandbox.db.prepare('SELECT COUNT(*) AS n FROM list_members WHERE person_id = ?').get(contact.PersonID) as { n: number };
    expect(members.n).toBe(0);
  });

  it('deletes the contacts a body names, or with no body every one matching the search', async () => {
    const master = await sandbox.as();
    const made = [];
    for (const phone of ['4695550161', '4695550162', '4695550163']) {
      made.push(await master.json<Contact>('POST', '/v1/contacts', { FirstName: 'Bulkington', PrimaryPhone: phone }));
    }
    const byBody = await master.json('DELETE', '/v1/contacts?MoveToDeleted=true', [{ PersonID: made[0]!.PersonID }]);
    expect(byBody).toEqual({ Count: 1, PersonIDs: [made[0]!.PersonID] });
    const bySearch = await master.json('DELETE', '/v1/contacts?search=Bulkington&MoveToDeleted=true');
    expect(bySearch).toEqual({ Count: 2, PersonIDs: [made[1]!.PersonID, made[2]!.PersonID] });
    const folder = await master.json<{ Items: Contact[] }>('GET', '/v1/lists/deleted/contacts?search=Bulkington');
    expect(folder.Items.map((item) => item.PersonID)).toEqual(made.map((contact) => contact.PersonID));
  });

  it('changes nothing when a named contact is unknown, or when the body is an empty array', async () => {
    const master = await sandbox.as();
    const unknown = await master.request('DELETE', '/v1/contacts?MoveToDeleted=true', { body: [{ PersonID: FIRST_DEMO_CONTACT }, { PersonID: 1 }] });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).Message).toBe('No contact was changed: contacts 1 were not found.');
    expect((await master.request('GET', `/v1/contacts/${FIRST_DEMO_CONTACT}`)).status).toBe(200);
    const folder = await master.json<{ Items: Contact[] }>('GET', `/v1/lists/deleted/contacts?PersonID=${FIRST_DEMO_CONTACT}`);
    expect(folder.Items).toEqual([]);

    const empty = await master.request('DELETE', '/v1/contacts', { body: [] });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).Message).toBe('Name at least one contact, or send no body to mean all of them');
  });

  it('refuses to restore a contact whose number is in use again', async () => {
    const master = await sandbox.as();
    const old = await master.json<Contact>('POST', '/v1/contacts', { PrimaryPhone: '4695550171' });
    await master.json('DELETE', `/v1/contacts/${old.PersonID}?MoveToDeleted=true`);
    const replacement = await master.json<Contact>('POST', '/v1/contacts', { PrimaryPhone: '4695550171' });
    const response = await master.request('POST', '/v1/lists/everyone/contacts', { body: [{ PersonID: old.PersonID }] });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).Message).toBe(
      `Contact ${old.PersonID} cannot be restored: contact ${replacement.PersonID} already has the phone number (469) 555-0171.`,
    );
  });

  it('purges named contacts of the Deleted folder, then all of them', async () => {
    const master = await sandbox.as();
    const folder = await master.json<{ Size: number; Items: Contact[] }>('GET', '/v1/lists/deleted/contacts?pagesize=1000');
    expect(folder.Size).toBeGreaterThan(2);
    const [first] = folder.Items;
    expect(await master.json('DELETE', '/v1/lists/deleted/contacts', [{ PersonID: first!.PersonID }])).toEqual({
      Count: 1,
      PersonIDs: [first!.PersonID],
    });
    // An active contact named here is not in the folder: nothing happens to it.
    expect(await master.json('DELETE', '/v1/lists/deleted/contacts', [{ PersonID: FIRST_DEMO_CONTACT }])).toEqual({ Count: 0, PersonIDs: [] });
    const all = contactBatchResultSchema.parse(await master.json('DELETE', '/v1/lists/deleted/contacts'));
    expect(all.Count).toBe(folder.Size - 1);
    expect((await master.json<{ RosterCount: number }>('GET', '/v1/lists/deleted')).RosterCount).toBe(0);
    expect((await master.request('GET', `/v1/contacts/${first!.PersonID}`)).status).toBe(404);
  });
});

describe('contacts: permissions', () => {
  const sandbox = createSandboxHarness();

  it('shows a user without CanSeeAllRoster only the contacts they own', async () => {
    const han = await sandbox.as(HAN);
    const feed = await han.json<{ Size: number; Items: Contact[] }>('GET', '/v1/contacts?pagesize=1000');
    const owned = sandbox.db.prepare('SELECT COUNT(*) AS n FROM contacts WHERE owner_user_id = 73314 AND deleted_at IS NULL').get() as { n: number };
    expect(feed.Size).toBe(owned.n);
    expect(feed.Size).toBeLessThan(ACTIVE_DEMO_CONTACTS);
    const everyone = await han.json<{ RosterCount: number }>('GET', '/v1/lists/everyone');
    expect(everyone.RosterCount).toBe(owned.n);

    const others = await han.request('GET', `/v1/contacts/${FIRST_DEMO_CONTACT + 1}`);
    expect(others.status).toBe(404);
    expect((await han.request('DELETE', `/v1/contacts/${FIRST_DEMO_CONTACT + 1}`)).status).toBe(404);
    expect((await han.request('DELETE', '/v1/contacts?MoveToDeleted=true', { body: [{ PersonID: FIRST_DEMO_CONTACT + 1 }] })).status).toBe(404);
  });

  it('lets two rosters hold the same number without revealing each other', async () => {
    const han = await sandbox.as(HAN);
    const master = await sandbox.as();
    const mastersContact = await master.json<Contact>('GET', `/v1/contacts/${FIRST_DEMO_CONTACT + 1}`);
    const response = await han.request('POST', '/v1/contacts', { body: { PrimaryPhone: mastersContact.PrimaryPhone } });
    expect(response.status).toBe(200);
  });
});
