import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { contactImportResultSchema, emptyImportValues, MAX_LISTED_PROBLEM_ROWS, type ContactImportResult } from '../../../src/contract/contact-import.ts';
import type { Contact } from '../../../src/contract/contact.ts';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { fileUploadResultSchema } from '../../../src/contract/file-upload.ts';
import type { ContactList } from '../../../src/contract/list.ts';
import { createSandboxHarness, type SandboxUserClient } from '../../testing/sandbox-client.ts';
import { IMPORT_BATCH_SIZE, importContacts, mergeImportedRow } from './contact-import.ts';
import type { ContactRow } from './contacts.ts';

const existing: ContactRow = {
  person_id: 1,
  account_id: 1,
  owner_user_id: 1,
  first_name: 'Bob',
  last_name: 'Lilly',
  primary_phone: '2145554846',
  secondary_phone: '2145550001',
  tertiary_phone: '',
  notes: 'Prefers texts',
  integration_data: 'SIS-1',
  dnc_primary: 1,
  dnc_secondary: 0,
  dnc_tertiary: 0,
  optin_primary: 'OptedOut',
  optin_secondary: 'OptedIn',
  optin_tertiary: 'Unknown',
  deleted_at: null,
  created_at: 0,
  last_updated: 0,
};

const row = (values: Partial<ReturnType<typeof emptyImportValues>>) => ({ ...emptyImportValues(), PrimaryPhone: existing.primary_phone, ...values });

describe('the import merge rule', () => {
  it('replaces text with filled cells and never clears it with empty ones', () => {
    expect(mergeImportedRow(existing, row({ FirstName: 'Robert', Notes: '' }))).toMatchObject({
      changes: { first_name: 'Robert' },
      phonesNotAdded: [],
      conflict: true,
    });
    expect(mergeImportedRow(existing, row({}))).toMatchObject({ changes: {}, phonesNotAdded: [], conflict: false });
    expect(mergeImportedRow(existing, row({ FirstName: 'Bob', IntegrationData: 'SIS-1' })).changes).toEqual({});
  });

  it('adds new numbers to free slots and never replaces or removes one', () => {
    expect(mergeImportedRow(existing, row({ SecondaryPhone: '2145550002' }))).toMatchObject({
      changes: { tertiary_phone: '2145550002' },
      phonesNotAdded: [],
      conflict: false,
    });
    expect(mergeImportedRow(existing, row({ SecondaryPhone: '2145550001', TertiaryPhone: '2145550002' })).changes).toEqual({
      tertiary_phone: '2145550002',
    });
    const full = { ...existing, tertiary_phone: '2145550003' };
    expect(mergeImportedRow(full, row({ SecondaryPhone: '2145550009' }))).toMatchObject({ changes: {}, phonesNotAdded: ['2145550009'], conflict: false });
  });

  it('keeping existing values, fills only empty fields and still notes the values it keeps', () => {
    const noLastName = { ...existing, last_name: '' };
    expect(mergeImportedRow(noLastName, row({ FirstName: 'Robert', LastName: 'Lilly', Notes: 'Calls only' }), true)).toMatchObject({
      changes: { last_name: 'Lilly' },
      phonesNotAdded: [],
      conflict: true,
    });
    expect(mergeImportedRow(existing, row({ FirstName: 'Robert' }), true)).toMatchObject({ changes: {}, phonesNotAdded: [], conflict: true });
  });

  it('never writes a do-not-call flag or a text opt-in status', () => {
    const plan = mergeImportedRow(existing, row({ FirstName: 'X', LastName: 'Y', SecondaryPhone: '2145550005', Notes: 'n', IntegrationData: 'i' }));
    expect(Object.keys(plan.changes).sort()).toEqual(['first_name', 'integration_data', 'last_name', 'notes', 'tertiary_phone']);
  });
});

async function uploadCsv(client: SandboxUserClient, csv: string): Promise<string> {
  const response = await client.request('POST', '/v1/fileuploads', { rawBody: csv, contentType: 'text/csv' });
  if (!response.ok) throw new Error(await response.text());
  return fileUploadResultSchema.parse(await response.json()).FileID;
}

async function runImport(client: SandboxUserClient, body: object): Promise<ContactImportResult> {
  return contactImportResultSchema.parse(await client.json('POST', '/v1/contacts/import', body));
}

const countContacts = (sandbox: ReturnType<typeof createSandboxHarness>) => (sandbox.db.prepare('SELECT COUNT(*) AS n FROM contacts').get() as { n: number }).n;

describe('POST /v1/contacts/import', () => {
  const sandbox = createSandboxHarness();

  it('dry-runs a file without changing anything, then applies exactly what it said', async () => {
    const master = await sandbox.as();
    const known = await master.json<Contact>('GET', '/v1/contacts/4947403');
    const csv = [
      'First Name,Last Name,Phone Number,Notes',
      'New,Person,(605) 200-0001,',
      `Known,Renamed,${known.PrimaryPhone},`,
      `,,${known.PrimaryPhone!.replace(/^(\d{3})(\d{3})/, '$1-$2-')},`,
      'Bad,Number,555-1234,',
      'Long,Notes,6052000002,' + 'n'.repeat(60),
      'Same,Again,16052000001,',
    ].join('\n');
    const FileID = await uploadCsv(master, csv);
    const before = countContacts(sandbox);

    const dryRun = await runImport(master, { FileID, DryRun: true, ListID: 36 });
    expect(dryRun).toMatchObject({
      DryRun: true,
      ListID: 36,
      TotalRows: 6,
      New: 1,
      Updated: 1,
      Unchanged: 0,
      Rejected: 4,
      RejectedByReason: { InvalidPhone: 1, DuplicateInFile: 2, TooLong: 1 },
      Failed: 0,
    });
    expect(dryRun.ProblemRows.map(({ RowNumber, Reason }) => [RowNumber, Reason])).toEqual([
      [4, 'DuplicateInFile'],
      [5, 'InvalidPhone'],
      [6, 'TooLong'],
      [7, 'DuplicateInFile'],
    ]);
    expect(dryRun.ProblemRows[1]).toMatchObject({ FirstName: 'Bad', LastName: 'Number', PrimaryPhone: '555-1234' });
    expect(countContacts(sandbox)).toBe(before);
    expect((await master.json<Contact>('GET', '/v1/contacts/4947403')).LastName).toBe(known.LastName);

    const applied = await runImport(master, { FileID, ListID: 36 });
    expect({ ...applied, DryRun: true }).toEqual(dryRun);
    expect(countContacts(sandbox)).toBe(before + 1);
    const renamed = await master.json<Contact>('GET', '/v1/contacts/4947403');
    expect(renamed).toMatchObject({ FirstName: 'Known', LastName: 'Renamed', Notes: known.Notes });
    expect(renamed.Lists?.map((list) => list.ListID)).toContain(36);

    const again = await runImport(master, { FileID, ListID: 36 });
    expect(again).toMatchObject({ New: 0, Updated: 0, Unchanged: 2, AddedToList: 0, Rejected: 4 });
  });

  it('lists each updated contact’s changes, before and after, and keeps existing values when asked', async () => {
    const master = await sandbox.as();
    const known = await master.json<Contact>('GET', '/v1/contacts/4947404');
    await master.json('PUT', `/v1/contacts/${known.PersonID}`, { Notes: '' });
    const FileID = await uploadCsv(master, `Phone Number,First Name,Last Name,Notes\n${known.PrimaryPhone},${known.FirstName},Overwritten,Walks home\n`);

    const replacing = await runImport(master, { FileID, DryRun: true });
    expect(replacing).toMatchObject({ Updated: 1, Conflicts: 1, KeepExistingValues: false });
    expect(replacing.UpdatedContacts).toEqual([
      {
        RowNumber: 2,
        PersonID: known.PersonID,
        PrimaryPhone: known.PrimaryPhone,
        Name: `${known.FirstName} ${known.LastName}`,
        Changes: [
          { Field: 'LastName', Before: known.LastName, After: 'Overwritten' },
          { Field: 'Notes', Before: '', After: 'Walks home' },
        ],
      },
    ]);

    const keeping = await runImport(master, { FileID, DryRun: true, KeepExistingValues: true });
    expect(keeping).toMatchObject({ Updated: 1, Conflicts: 1, KeepExistingValues: true });
    expect(keeping.UpdatedContacts?.[0]?.Changes).toEqual([{ Field: 'Notes', Before: '', After: 'Walks home' }]);
    await runImport(master, { FileID, KeepExistingValues: true });
    expect(await master.json<Contact>('GET', `/v1/contacts/${known.PersonID}`)).toMatchObject({ LastName: known.LastName, Notes: 'Walks home' });
    expect(await runImport(master, { FileID, DryRun: true, KeepExistingValues: true })).toMatchObject({ Updated: 0, Unchanged: 1, UpdatedContacts: [] });
  });

  it('never clears an opt-out, a do-not-call flag or an opt-in status', async () => {
    const master = await sandbox.as();
    const target = sandbox.db
      .prepare<[], { phone_number: string }>('SELECT phone_number FROM opt_outs WHERE do_not_text = 1 AND do_not_call = 1 LIMIT 1')
      .get()!;
    const [contact] = (await master.json<{ Items: Contact[] }>('GET', `/v1/contacts?PrimaryPhone=${target.phone_number}`)).Items;
    await master.json('PUT', `/v1/contacts/${contact!.PersonID}`, { DoNotCallPrimaryPhone: true });
    const optOutBefore = sandbox.db.prepare('SELECT * FROM opt_outs WHERE phone_number = ?').get(target.phone_number);

    const FileID = await uploadCsv(master, `Phone Number,First Name,Last Name\n${target.phone_number},Re,Imported\n`);
    const result = await runImport(master, { FileID });
    expect(result).toMatchObject({ Updated: 1, Rejected: 0 });
    const after = await master.json<Contact>('GET', `/v1/contacts/${contact!.PersonID}`);
    expect(after).toMatchObject({ FirstName: 'Re', LastName: 'Imported', DoNotCallPrimaryPhone: true, PrimaryPhoneTextOptInStatus: 'OptedOut' });
    expect(sandbox.db.prepare('SELECT * FROM opt_outs WHERE phone_number = ?').get(target.phone_number)).toEqual(optOutBefore);
    const stored = sandbox.db.prepare('SELECT dnc_primary, optin_primary FROM contacts WHERE person_id = ?').get(contact!.PersonID);
    expect(stored).toEqual({ dnc_primary: 1, optin_primary: 'OptedOut' });
  });

  it('refuses Unfiled and Deleted as targets and lists the user cannot see', async () => {
    const master = await sandbox.as();
    const FileID = await uploadCsv(master, 'Phone\n6052000101\n');
    expect((await master.request('POST', '/v1/contacts/import', { body: { FileID, ListID: -2 } })).status).toBe(400);
    expect((await master.request('POST', '/v1/contacts/import', { body: { FileID, ListID: 99999 } })).status).toBe(404);
    expect((await master.request('POST', '/v1/contacts/import', { body: { FileID: 'nope' } })).status).toBe(404);
  });

  it('reports the rows it could not save and goes on', async () => {
    const master = await sandbox.as();
    const list = await master.json<ContactList>('POST', '/v1/lists', { ListName: 'Short-lived' });
    const lines = Array.from({ length: IMPORT_BATCH_SIZE * 1.5 }, (_, index) => `60520${String(10000 + index).padStart(5, '0')}`);
    const FileID = await uploadCsv(master, `Phone\n${lines.join('\n')}\n`);
    const user = {
      userId: master.userId,
      accountId: 1,
      userName: 'apitest@cea',
      isMaster: true,
      canSeeAllBroadcasts: true,
      canSeeAllRoster: true,
      canSeeAllAudio: true,
      canSeeGroupAudio: true,
      timeZone: 'America/Chicago',
    };
    // The list disappears after the first batch.
    const result = await importContacts(sandbox.db, user, {
      fileId: FileID,
      listId: list.ListID,
      dryRun: false,
      now: () => sandbox.clock.now(),
      sliceMs: 0,
      pause: async () => {
        sandbox.db.prepare('DELETE FROM lists WHERE list_id = ?').run(list.ListID);
      },
    });
    expect(result).toMatchObject({ New: IMPORT_BATCH_SIZE, Failed: IMPORT_BATCH_SIZE / 2, AddedToList: IMPORT_BATCH_SIZE });
    expect(result.ProblemRows[0]).toMatchObject({
      RowNumber: IMPORT_BATCH_SIZE + 2,
      Reason: 'Failed',
      Message: 'The target list was deleted while the import ran.',
    });
  });
});

describe('the rejected rows of an import', () => {
  const sandbox = createSandboxHarness();
  const problemsOf = (client: SandboxUserClient, FileID: string, query = '') =>
    client.request('GET', `/v1/contacts/import/${encodeURIComponent(FileID)}/problems${query}`);
  const csvRows = async (response: Response) => Papa.parse<string[]>(await response.text(), { skipEmptyLines: true }).data;

  it('lists the first rows in the answer and counts them all', async () => {
    const master = await sandbox.as();
    const lines = Array.from({ length: 250 }, (_, index) => (index % 2 === 0 ? `Bad,555-${1000 + index}` : `Good,60530${String(index).padStart(5, '0')}`));
    const FileID = await uploadCsv(master, `First Name,Phone Number\n${lines.join('\n')}\n`);
    for (const DryRun of [true, false]) {
      const result = await runImport(master, { FileID, DryRun });
      expect(result).toMatchObject({ TotalRows: 250, Rejected: 125, RejectedByReason: { InvalidPhone: 125 } });
      expect(result.ProblemRows.map((row) => row.RowNumber)).toEqual(Array.from({ length: MAX_LISTED_PROBLEM_ROWS }, (_, index) => 2 + index * 2));
    }
  });

  it('serves every rejected row as a CSV named after the upload, a chunk at a time', async () => {
    const master = await sandbox.as();
    // More rejects than a chunk of the answer holds. Row 3 repeats row 2's number.
    const lines = [
      'Ann,"Lee, Jr.",6053100001,"Said ""hi"""',
      'Twin,Row,605-310-0001,',
      ...Array.from({ length: 2500 }, (_, index) => `Bad,Row${index},555-${index},`),
    ];
    const uploaded = await master.request('POST', '/v1/fileuploads?FileName=parents.csv', {
      rawBody: `First Name,Last Name,Phone Number,Notes\n${lines.join('\n')}\n`,
      contentType: 'text/csv',
    });
    const { FileID } = fileUploadResultSchema.parse(await uploaded.json());
    const response = await problemsOf(master, FileID);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="parents-rejected-rows.csv"; filename*=UTF-8''parents-rejected-rows.csv`);
    const rows = await csvRows(response);
    expect(rows[0]).toEqual([
      'Row',
      'Reason',
      'Problem',
      'First Name',
      'Last Name',
      'Phone Number',
      'Secondary Phone',
      'Tertiary Phone',
      'Notes',
      'Integration Data',
    ]);
    expect(rows[1]).toEqual(['3', 'Duplicate in file', 'Same phone number as row 2', 'Twin', 'Row', '6053100001', '', '', '', '']);
    expect(rows[2]).toEqual(['4', 'Invalid phone number', 'Phone number "555-0": Not a valid US phone number', 'Bad', 'Row0', '555-0', '', '', '', '']);
    expect(rows.at(-1)?.slice(0, 2)).toEqual(['2503', 'Invalid phone number']);
    const summary = await runImport(master, { FileID, DryRun: true });
    expect(rows).toHaveLength(1 + summary.Rejected);
    expect(summary.ProblemRows[0]).toMatchObject({ RowNumber: 3, Reason: 'DuplicateInFile', FirstName: 'Twin' });

    // The uploader added the header line to a file that had none: its rows count from 0.
    expect((await csvRows(await problemsOf(master, FileID, '?firstrownumber=0')))[1]?.[0]).toBe('2');
  });

  it('answers the header alone when nothing was rejected, and names an unnamed upload after contacts', async () => {
    const master = await sandbox.as();
    const response = await problemsOf(master, await uploadCsv(master, 'Phone\n6053100101\n'));
    expect(response.headers.get('content-disposition')).toContain('filename="contacts-rejected-rows.csv"');
    expect(await response.text()).toBe('Row,Reason,Problem,First Name,Last Name,Phone Number,Secondary Phone,Tertiary Phone,Notes,Integration Data\r\n');
  });

  it.each([
    ['?FirstRowNumber=-1', 'FirstRowNumber must be a whole number from 0 to 1000000.'],
    ['?FirstRowNumber=1.5', 'FirstRowNumber must be a whole number from 0 to 1000000.'],
    ['?FirstRowNumber=1000001', 'FirstRowNumber must be a whole number from 0 to 1000000.'],
    ['?FirstRowNumber=', 'FirstRowNumber must be a whole number from 0 to 1000000.'],
    ['?page=2', 'Unknown parameter page. This route takes FirstRowNumber only.'],
  ])('refuses %s with 400', async (query, message) => {
    const master = await sandbox.as();
    const response = await problemsOf(master, await uploadCsv(master, 'Phone\n555-0000\n'), query);
    expect(response.status).toBe(400);
    expect(apiErrorBodySchema.parse(await response.json())).toMatchObject({ ErrorName: 'InvalidQueryParameter', Message: message });
  });

  it('answers 404 for an unknown file, and for another user’s to a user who sees only their own contacts', async () => {
    const master = await sandbox.as();
    const missing = await problemsOf(master, 'no-such-file');
    expect(missing.status).toBe(404);
    expect(apiErrorBodySchema.parse(await missing.json()).ErrorName).toBe('ResourceNotFound');
    const FileID = await uploadCsv(master, 'Phone\n555-0000\n');
    const han = await sandbox.as({ UserName: 'han@cea', PinCode: 'kessel-run-12' });
    expect((await problemsOf(han, FileID)).status).toBe(404);
  });
});

describe('importing 100,000 rows', () => {
  const sandbox = createSandboxHarness();

  it('uploads, dry-runs and applies a 100,000-row file in batches', { timeout: 120_000 }, async () => {
    const master = await sandbox.as();
    const lines = ['First Name,Last Name,Phone Number,Integration Data'];
    for (let index = 0; index < 100_000; index += 1) {
      // Area code 307, exchanges 200-209: numbers the demo data never uses. Every 1,000th row is broken or repeated.
      const phone = `307${200 + Math.floor(index / 10_000)}${String(index % 10_000).padStart(4, '0')}`;
      if (index % 1000 === 1) lines.push(`Bad,Row${index},555-${index},`);
      else if (index % 1000 === 2) lines.push(`Twin,Row${index},${lines.at(-2)!.split(',')[2]},`);
      else lines.push(`First${index},Last${index},${phone},ID-${index}`);
    }
    const FileID = await uploadCsv(master, `${lines.join('\n')}\n`);
    const before = (await master.json<ContactList>('GET', '/v1/lists/everyone')).RosterCount;

    const dryRun = await runImport(master, { FileID, DryRun: true });
    expect(dryRun).toMatchObject({ TotalRows: 100_000, New: 99_800, Rejected: 200, RejectedByReason: { InvalidPhone: 100, DuplicateInFile: 100 } });
    expect((await master.json<ContactList>('GET', '/v1/lists/everyone')).RosterCount).toBe(before);

    const applied = await runImport(master, { FileID });
    expect(applied).toMatchObject({ New: 99_800, Updated: 0, Unchanged: 0, Rejected: 200, Failed: 0 });
    expect(applied.ProblemRows).toHaveLength(MAX_LISTED_PROBLEM_ROWS);
    expect((await master.json<ContactList>('GET', '/v1/lists/everyone')).RosterCount).toBe(before + 99_800);
    // The feed's Size comes from the kept counts, which the import adds to a batch at a time.
    expect((await master.json<{ Size: number }>('GET', '/v1/contacts')).Size).toBe(before + 99_800);
    const sample = await master.json<{ Items: Contact[] }>('GET', '/v1/contacts?search=3072095999');
    expect(sample.Items[0]).toMatchObject({ FirstName: 'First95999', IntegrationData: 'ID-95999' });
    // The insert triggers stood aside for the import only: a contact added afterwards is searchable and counted.
    await master.json('POST', '/v1/contacts', { FirstName: 'Afterwards', PrimaryPhone: '3072100001' });
    expect((await master.json<{ Items: Contact[] }>('GET', '/v1/contacts?search=afterwards')).Items).toHaveLength(1);
    expect((await master.json<{ Size: number }>('GET', '/v1/contacts')).Size).toBe(before + 99_801);
  });
});
