import { csvLines } from '../../../src/contract/csv.ts';
import { importFieldHeaders, importFields, importProblemLabels } from '../../../src/contract/contact-import.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { uploadProblemRowsAfter, valuesOfUploadRow } from './file-uploads.ts';

/**
 * Every rejected row of an uploaded file as a CSV the user can fix and import again (decision 0073): their row
 * number, why, and the values (phones as the file wrote them when they were the problem). The verdicts were stored
 * on upload, so this is what the dry run and the import reject. Written by the product's one CSV writer, so a value
 * that would run as a spreadsheet formula (`=cmd|...`, `+SUM(...)`, `@SUM(...)`) is neutralized as in every export.
 */

export const IMPORT_PROBLEMS_HEADER = ['Row', 'Reason', 'Problem', ...importFields.map((field) => importFieldHeaders[field])];

/** Rows a chunk of the answer holds: the sandbox serves other requests between chunks. */
const CHUNK_ROWS = 2000;

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `parents.csv` -> `parents-rejected-rows.csv`. */
export function rejectsFileName(uploadName: string): string {
  return `${uploadName.replace(/\.[^.]+$/, '') || 'contacts'}-rejected-rows.csv`;
}

/** A Content-Disposition naming the file, in ASCII for old clients and in UTF-8 (RFC 6266) for the rest. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\w.-]+/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The rejected rows of an upload, a chunk at a time. `firstRowNumber` is the number the file's first line gets
 * (1, as a spreadsheet counts; 0 when the uploader added the header line to a file that had none).
 */
export function importProblemsCsv(db: SandboxDatabase, fileId: string, firstRowNumber: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const offset = firstRowNumber - 1;
  let after = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (started) await yieldToOthers();
      const rows = uploadProblemRowsAfter(db, fileId, after, CHUNK_ROWS);
      const lines = rows.map((row) => {
        const values = valuesOfUploadRow(row);
        return [String(row.row_number + offset), importProblemLabels[row.problem!], row.problem_detail, ...importFields.map((field) => values[field])];
      });
      if (!started) lines.unshift(IMPORT_PROBLEMS_HEADER);
      started = true;
      if (lines.length > 0) controller.enqueue(encoder.encode(csvLines(lines)));
      if (rows.length < CHUNK_ROWS) controller.close();
      else after = rows.at(-1)!.row_number;
    },
  });
}
