import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { fileUploadResultSchema, fileUploadSchema } from '../../../src/contract/file-upload.ts';
import { createSandboxHarness, type SandboxUserClient } from '../../testing/sandbox-client.ts';

async function upload(client: SandboxUserClient, csv: string, query = '', contentType = 'text/csv') {
  return client.request('POST', `/v1/fileuploads${query}`, { rawBody: csv, contentType });
}

describe('POST /v1/fileuploads', () => {
  const sandbox = createSandboxHarness();

  it('takes bugalert’s production file and keeps each row normalised', async () => {
    const master = await sandbox.as();
    const csv = 'First Name,Last Name,Notes,Phone Number\r\nAlert,Subscriber,Bug Alert,12145551234\r\n,,,\r\nNo,Number,,\r\n';
    const response = await upload(master, csv, '?FileName=subscribers.csv', 'csv');
    expect(response.status).toBe(200);
    const body = (await response.json()) as object;
    expect(Object.keys(body)).toEqual(['FileID']);
    const { FileID } = fileUploadResultSchema.parse(body);

    const summary = fileUploadSchema.parse(await master.json('GET', `/v1/fileuploads/${FileID}`));
    expect(summary).toMatchObject({ FileID, FileName: 'subscribers.csv', TotalRows: 2, ValidRows: 1, Uri: `/v1/fileuploads/${FileID}` });
    const rows = sandbox.db
      .prepare('SELECT row_number, first_name, primary_phone, notes, problem, problem_detail FROM file_upload_rows WHERE file_id = ? ORDER BY row_number')
      .all(FileID);
    expect(rows).toEqual([
      { row_number: 2, first_name: 'Alert', primary_phone: '2145551234', notes: 'Bug Alert', problem: null, problem_detail: '' },
      { row_number: 4, first_name: 'No', primary_phone: '', notes: '', problem: 'InvalidPhone', problem_detail: 'Phone number is missing' },
    ]);
  });

  it('marks repeated numbers, invalid numbers and over-long fields, and reads tab-separated text', async () => {
    const master = await sandbox.as();
    const text = [
      'Mobile\tFirst\tComments',
      '214-555-1234\tAda\t',
      '(214) 555 1234\tAda again\t',
      '555-1234\tBad\t',
      `2145551299\tLong\t${'n'.repeat(51)}`,
    ].join('\n');
    const { FileID } = fileUploadResultSchema.parse(await (await upload(master, text, '', 'text/plain')).json());
    const problems = sandbox.db
      .prepare('SELECT row_number, problem, problem_detail FROM file_upload_rows WHERE file_id = ? AND problem IS NOT NULL ORDER BY row_number')
      .all(FileID);
    expect(problems).toEqual([
      { row_number: 3, problem: 'DuplicateInFile', problem_detail: 'Same phone number as row 2' },
      { row_number: 4, problem: 'InvalidPhone', problem_detail: 'Phone number "555-1234": Not a valid US phone number' },
      { row_number: 5, problem: 'TooLong', problem_detail: 'Notes has 51 characters (at most 50)' },
    ]);
  });

  it('reads a file without a header by finding its phone column', async () => {
    const master = await sandbox.as();
    const { FileID } = fileUploadResultSchema.parse(await (await upload(master, 'Ada,2145551234\nBob,2145551235\n')).json());
    expect(fileUploadSchema.parse(await master.json('GET', `/v1/fileuploads/${FileID}`))).toMatchObject({ TotalRows: 2, ValidRows: 2 });
  });

  it.each([
    ['', 'text/csv', 400, 'The file is empty.'],
    ['Name,Email\nAda,ada@example.com\n', 'text/csv', 400, 'The file needs a phone number column, with a header such as "Phone Number".'],
    ['Phone\n"2145551234\n', 'text/csv', 400, 'The file is not valid CSV: Quoted field unterminated (row 2).'],
    ['{"FileID":"x"}', 'application/json', 415, "Send the CSV file's bytes as the body (Content-Type: text/csv)."],
  ])('refuses %j (%s) with %i', async (body, contentType, status, message) => {
    const master = await sandbox.as();
    const response = await upload(master, body, '', contentType);
    expect(response.status).toBe(status);
    expect(apiErrorBodySchema.parse(await response.json()).Message).toBe(message);
  });

  it('hides one user’s uploads from a user who sees only their own contacts', async () => {
    const master = await sandbox.as();
    const { FileID } = fileUploadResultSchema.parse(await (await upload(master, 'Phone\n2145551234\n')).json());
    const han = await sandbox.as({ UserName: 'han@cea', PinCode: 'kessel-run-12' });
    expect((await han.request('GET', `/v1/fileuploads/${FileID}`)).status).toBe(404);
    expect((await han.request('POST', '/v1/contacts/import', { body: { FileID, DryRun: true } })).status).toBe(404);
  });
});
