import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import { emptyImportValues, importFieldHeaders, type ImportField, type ImportRejectReason, type ImportValues } from '../../../src/contract/contact-import.ts';
import { checkImportRow, detectColumnMapping, looksLikeHeaderRow } from '../../../src/contract/contact-import-rows.ts';
import type { FileUpload } from '../../../src/contract/file-upload.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { SandboxError } from '../http/errors.ts';
import { prepareCached } from '../http/list-query.ts';
import { formatApiDate } from '../time.ts';

/**
 * Uploaded contact files (docs/decisions/0017-file-uploads.md). Each row is checked once, on upload, and kept
 * normalised in `file_upload_rows` with the reason it cannot be used, if any: broadcasts and the import read the
 * same verdicts.
 */

export const MAX_UPLOAD_ROWS = 1_000_000;

export interface FileUploadRow {
  file_id: string;
  row_number: number;
  first_name: string;
  last_name: string;
  primary_phone: string;
  secondary_phone: string;
  tertiary_phone: string;
  notes: string;
  integration_data: string;
  problem: ImportRejectReason | null;
  problem_detail: string;
}

export function valuesOfUploadRow(row: FileUploadRow): ImportValues {
  return {
    FirstName: row.first_name,
    LastName: row.last_name,
    PrimaryPhone: row.primary_phone,
    SecondaryPhone: row.secondary_phone,
    TertiaryPhone: row.tertiary_phone,
    Notes: row.notes,
    IntegrationData: row.integration_data,
  };
}

const invalidFile = (message: string) => new SandboxError('ValidationFailed', message);

/** Rows sampled to guess the columns when the file names no phone column. */
const SAMPLE_ROWS = 50;

/**
 * Parses a CSV (or tab-separated) file and stores its rows; returns the new FileID. One transaction. The file is
 * read a record at a time, so a million rows are never held at once (their garbage collections cost seconds).
 */
export function storeFileUpload(db: SandboxDatabase, user: AuthUser, { text, fileName }: { text: string; fileName: string }, now: number): string {
  const fileId = randomUUID();
  const insertRow = prepareCached(
    db,
    `INSERT INTO file_upload_rows (file_id, row_number, first_name, last_name, primary_phone, secondary_phone,
       tertiary_phone, notes, integration_data, problem, problem_detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const firstRowOfPhone = new Map<string, number>();
  let stored = 0;
  /** Each mapped field and its column, once the opening records have shown the header and the columns. */
  let mappedColumns: Array<readonly [ImportField, number]> | null = null;

  /** Checks one record and stores it as the file's row `rowNumber` (blank records are skipped, not renumbered). */
  const storeRecord = (cells: readonly string[], rowNumber: number) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    if (stored === MAX_UPLOAD_ROWS) throw invalidFile(`A file may hold at most ${MAX_UPLOAD_ROWS.toLocaleString('en-US')} rows.`);
    const raw = emptyImportValues();
    for (const [field, column] of mappedColumns!) raw[field] = (cells[column] ?? '').trim();
    const check = checkImportRow(raw);
    let values = raw;
    let problem: ImportRejectReason | null = null;
    let detail = '';
    if (!check.ok) {
      problem = check.reason;
      detail = check.message;
    } else {
      values = check.values;
      const earlier = firstRowOfPhone.get(values.PrimaryPhone);
      if (earlier !== undefined) {
        problem = 'DuplicateInFile';
        detail = `Same phone number as row ${earlier}`;
      } else {
        firstRowOfPhone.set(values.PrimaryPhone, rowNumber);
      }
    }
    const { FirstName, LastName, PrimaryPhone, SecondaryPhone, TertiaryPhone, Notes, IntegrationData } = values;
    insertRow.run(fileId, rowNumber, FirstName, LastName, PrimaryPhone, SecondaryPhone, TertiaryPhone, Notes, IntegrationData, problem, detail);
    stored += 1;
  };

  // The first records wait until the header and the columns are known.
  const opening: string[][] = [];
  const storeOpening = () => {
    const first = opening[0] ?? [];
    const hasHeader = looksLikeHeaderRow(first);
    const headers = hasHeader ? first : first.map(() => '');
    const dataStart = hasHeader ? 1 : 0;
    const mapping = detectColumnMapping(headers, opening.slice(dataStart, dataStart + SAMPLE_ROWS));
    if (!mapping.includes('PrimaryPhone')) {
      throw invalidFile(`The file needs a phone number column, with a header such as "${importFieldHeaders.PrimaryPhone}".`);
    }
    mappedColumns = mapping.flatMap((field, column) => (field ? [[field, column] as const] : []));
    opening.forEach((cells, index) => {
      if (index >= dataStart) storeRecord(cells, index + 1);
    });
  };

  db.transaction(() => {
    db.prepare('INSERT INTO file_uploads (file_id, account_id, user_id, file_name, row_count, created_at) VALUES (?, ?, ?, ?, 0, ?)').run(
      fileId,
      user.accountId,
      user.userId,
      fileName,
      now,
    );
    let records = 0;
    Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
      skipEmptyLines: false,
      step: ({ data, errors }) => {
        const broken = errors.find((error) => error.type === 'Quotes');
        if (broken) throw invalidFile(`The file is not valid CSV: ${broken.message} (row ${records + 1}).`);
        records += 1;
        if (mappedColumns) storeRecord(data, records);
        else if (opening.push(data) > SAMPLE_ROWS) storeOpening();
      },
    });
    if (!mappedColumns) storeOpening();
    if (stored === 0) throw invalidFile('The file has no rows of contacts.');
    db.prepare('UPDATE file_uploads SET row_count = ? WHERE file_id = ?').run(stored, fileId);
  })();
  return fileId;
}

interface FileUploadSummaryRow {
  file_id: string;
  file_name: string;
  row_count: number;
  created_at: number;
  valid_rows: number;
}

const VISIBLE_UPLOAD = 'f.file_id = ? AND f.account_id = ? AND (f.user_id = ? OR ?)';
const visibleUploadParams = (user: AuthUser, fileId: string) => [fileId, user.accountId, user.userId, user.canSeeAllRoster ? 1 : 0];

/** An upload the user may use: their own, or any of the account's with CanSeeAllRoster (else 404). */
export function requireVisibleUpload(db: SandboxDatabase, user: AuthUser, fileId: string): FileUploadSummaryRow {
  const row = prepareCached(
    db,
    `SELECT f.file_id, f.file_name, f.row_count, f.created_at,
       (SELECT COUNT(*) FROM file_upload_rows r WHERE r.file_id = f.file_id AND r.problem IS NULL) AS valid_rows
     FROM file_uploads f WHERE ${VISIBLE_UPLOAD}`,
  ).get(...visibleUploadParams(user, fileId)) as FileUploadSummaryRow | undefined;
  if (!row) throw new SandboxError('ResourceNotFound', `File ${fileId} was not found.`);
  return row;
}

/** An upload the user may use, as `requireVisibleUpload` finds it but without counting its rows. */
export function requireVisibleUploadName(db: SandboxDatabase, user: AuthUser, fileId: string): { file_id: string; file_name: string } {
  const row = prepareCached(db, `SELECT f.file_id, f.file_name FROM file_uploads f WHERE ${VISIBLE_UPLOAD}`).get(...visibleUploadParams(user, fileId)) as
    { file_id: string; file_name: string } | undefined;
  if (!row) throw new SandboxError('ResourceNotFound', `File ${fileId} was not found.`);
  return row;
}

export function toApiFileUpload(row: FileUploadSummaryRow, timeZone: string): FileUpload {
  return {
    Uri: `/v1/fileuploads/${row.file_id}`,
    FileID: row.file_id,
    FileName: row.file_name,
    TotalRows: row.row_count,
    ValidRows: row.valid_rows,
    CreatedDate: formatApiDate(row.created_at, timeZone),
  };
}

/** What sorts an upload row into new, matched or rejected, without the rest of its values (cheaper to read). */
export type UploadRowVerdict = Pick<FileUploadRow, 'row_number' | 'primary_phone' | 'problem' | 'problem_detail'>;

/** The verdicts of an upload's rows in order, a batch at a time (after `afterRow`). */
export function uploadVerdictsAfter(db: SandboxDatabase, fileId: string, afterRow: number, limit: number): UploadRowVerdict[] {
  return prepareCached(
    db,
    `SELECT row_number, primary_phone, problem, problem_detail FROM file_upload_rows
     WHERE file_id = ? AND row_number > ? ORDER BY row_number LIMIT ?`,
  ).all(fileId, afterRow, limit) as UploadRowVerdict[];
}

/** Some rows of an upload, whole, in order. */
export function uploadRowsNumbered(db: SandboxDatabase, fileId: string, rowNumbers: readonly number[]): FileUploadRow[] {
  if (rowNumbers.length === 0) return [];
  return prepareCached(db, 'SELECT * FROM file_upload_rows WHERE file_id = ? AND row_number IN (SELECT value FROM json_each(?)) ORDER BY row_number').all(
    fileId,
    JSON.stringify(rowNumbers),
  ) as FileUploadRow[];
}

/** The rows of an upload that cannot be used (a `problem`), in order, a batch at a time (after `afterRow`). */
export function uploadProblemRowsAfter(db: SandboxDatabase, fileId: string, afterRow: number, limit: number): FileUploadRow[] {
  return prepareCached(db, 'SELECT * FROM file_upload_rows WHERE file_id = ? AND row_number > ? AND problem IS NOT NULL ORDER BY row_number LIMIT ?').all(
    fileId,
    afterRow,
    limit,
  ) as FileUploadRow[];
}
