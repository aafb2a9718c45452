import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fileUploadResultSchema } from '../../../src/contract/file-upload.ts';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';

describe('the rejected rows CSV', () => {
  const sandbox = createSandboxHarness();

  it('neutralizes cells a spreadsheet would run as formulas, as every export does', async () => {
    const master = await sandbox.as();
    const attacks = [`=cmd|' /C calc'!A0`, '+SUM(1+1)', '@SUM(1+1)', '-2+3'];
    const lines = attacks.map((attack, index) => `"${attack.replaceAll('"', '""')}",Row${index},555-${index}`);
    const uploaded = await master.request('POST', '/v1/fileuploads?FileName=attacks.csv', {
      rawBody: `First Name,Last Name,Phone Number\n${lines.join('\n')}\n`,
      contentType: 'text/csv',
    });
    const { FileID } = fileUploadResultSchema.parse(await uploaded.json());
    const response = await master.request('GET', `/v1/contacts/import/${encodeURIComponent(FileID)}/problems`);
    expect(response.status).toBe(200);
    const rows = Papa.parse<string[]>(await response.text(), { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((row) => row[3])).toEqual(attacks.map((attack) => `'${attack}`));
  });
});
