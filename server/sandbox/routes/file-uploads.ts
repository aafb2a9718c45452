import { Hono } from 'hono';
import type { FileUploadResult } from '../../../src/contract/file-upload.ts';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError } from '../http/errors.ts';
import { requireVisibleUpload, storeFileUpload, toApiFileUpload } from '../model/file-uploads.ts';

/** Spreadsheets save CSV as UTF-8 or, from older Excel, Windows-1252: read whichever the bytes are. */
function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** CSV file uploads (§11; docs/decisions/0017-file-uploads.md). */
export function fileUploadRoutes({ db, clock }: SandboxDeps) {
  return new Hono<SandboxEnv>()
    .post('/fileuploads', async (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      let fileName = '';
      for (const [name, value] of url.searchParams) {
        if (name.toLowerCase() !== 'filename') {
          throw new SandboxError('InvalidQueryParameter', `Unknown parameter ${name}. This route takes FileName only.`);
        }
        fileName = value.trim().slice(0, 255);
      }
      // The raw file is the body (the .NET client says `csv`, bugalert `text/csv`); JSON or a form is a mistake.
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (/json|multipart\/|x-www-form-urlencoded/.test(type)) {
        throw new SandboxError('UnsupportedMediaType', "Send the CSV file's bytes as the body (Content-Type: text/csv).");
      }
      const bytes = await c.req.arrayBuffer();
      if (bytes.byteLength === 0) throw new SandboxError('ValidationFailed', 'The file is empty.');
      const result: FileUploadResult = { FileID: storeFileUpload(db, user, { text: decodeText(bytes), fileName }, clock.now()) };
      return c.json(result);
    })
    .get('/fileuploads/:id', (c) => {
      const user = c.get('user');
      return c.json(toApiFileUpload(requireVisibleUpload(db, user, c.req.param('id')), user.timeZone));
    });
}
