import type { z } from '../../../src/contract/zod.ts';
import {
  importFields,
  MAX_LISTED_PROBLEM_ROWS,
  MAX_LISTED_UPDATES,
  mergeImportValues,
  type ImportChangeField,
  type ImportMerge,
  type contactImportResultSchema,
  type ContactImportResult,
  type ImportProblemRow,
  type ImportRejectReason,
  type ImportValues,
} from '../../../src/contract/contact-import.ts';
import { SYSTEM_LIST_IDS } from '../../../src/contract/list.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { SandboxError } from '../http/errors.ts';
import { prepareCached } from '../http/list-query.ts';
import { insertContactsThenIndex } from '../db/bulk-load.ts';
import { findContactByPhone, findContactsByPhones, type ContactRow } from './contacts.ts';
import { requireVisibleUpload, uploadRowsNumbered, uploadVerdictsAfter, valuesOfUploadRow, type FileUploadRow, type UploadRowVerdict } from './file-uploads.ts';
import { findVisibleList, isSystemList } from './lists.ts';

/**
 * Importing an uploaded file into contacts (docs/decisions/0018-contact-import.md). A dry run and the real import
 * share one plan per row, so the summary the user approved is what happens.
 */

/** Contact columns an import may write. */
type MergedColumns = Partial<Pick<ContactRow, 'first_name' | 'last_name' | 'secondary_phone' | 'tertiary_phone' | 'notes' | 'integration_data'>>;

export interface MergePlan extends Omit<ImportMerge, 'changes'> {
  /** Only the columns that change; empty when the row adds nothing. */
  changes: MergedColumns;
  /** The same changes as the answer lists them, before and after. */
  fieldChanges: ImportMerge['changes'];
}

/** The column of each field an import may write. */
const columnOfField: Record<ImportChangeField, keyof MergedColumns> = {
  FirstName: 'first_name',
  LastName: 'last_name',
  SecondaryPhone: 'secondary_phone',
  TertiaryPhone: 'tertiary_phone',
  Notes: 'notes',
  IntegrationData: 'integration_data',
};

/** The merge rule (mergeImportValues) on a contact's row: the columns that change. */
export function mergeImportedRow(existing: ContactRow, values: ImportValues, keepExisting = false): MergePlan {
  const merge = mergeImportValues(valuesOfContact(existing), values, keepExisting);
  const changes: MergedColumns = {};
  for (const change of merge.changes) changes[columnOfField[change.Field]] = change.After;
  return { changes, fieldChanges: merge.changes, phonesNotAdded: merge.phonesNotAdded, conflict: merge.conflict };
}

const valuesOfContact = (contact: ContactRow): ImportValues => ({
  FirstName: contact.first_name,
  LastName: contact.last_name,
  PrimaryPhone: contact.primary_phone,
  SecondaryPhone: contact.secondary_phone,
  TertiaryPhone: contact.tertiary_phone,
  Notes: contact.notes,
  IntegrationData: contact.integration_data,
});

/** Rows looked up and inserted together (at a million contacts, a batch takes well under 100 ms). */
export const IMPORT_BATCH_SIZE = 5000;
/**
 * How long an import writes before it commits and lets other requests in. Each commit writes every index page
 * its rows touched, and at a million contacts a batch's rows land on as many pages as there are rows, so fewer,
 * longer transactions save most of the writing; a quarter of a second is as long as we let others wait.
 */
export const IMPORT_SLICE_MS = 250;

export interface ImportOptions {
  fileId: string;
  listId?: number | undefined;
  dryRun: boolean;
  /** Fill only empty fields of existing contacts (decision 0164). */
  keepExisting?: boolean | undefined;
  now: () => number;
  /** Lets other requests in between slices. */
  pause?: () => Promise<void>;
  /** How long a slice of batches may run in one transaction (IMPORT_SLICE_MS). */
  sliceMs?: number;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

function targetListOf(db: SandboxDatabase, user: AuthUser, listId: number | undefined): number | null {
  if (listId === undefined || listId === SYSTEM_LIST_IDS.Everyone) return null;
  if (isSystemList(listId)) {
    throw new SandboxError('ValidationFailed', 'ListID: imported contacts can join a list of yours, not Unfiled or Deleted.');
  }
  if (!findVisibleList(db, user, listId)) throw new SandboxError('ResourceNotFound', `List ${listId} was not found.`);
  return listId;
}

type RowOutcome = 'New' | 'Updated' | 'Unchanged';

/**
 * Dry-runs or applies an uploaded file, a slice of batches per transaction. Between slices the sandbox serves other
 * requests; a row that cannot be saved is reported and the rest go on.
 */
export async function importContacts(db: SandboxDatabase, user: AuthUser, options: ImportOptions): Promise<ContactImportResult> {
  const upload = requireVisibleUpload(db, user, options.fileId);
  const listId = targetListOf(db, user, options.listId);
  const result: z.infer<typeof contactImportResultSchema> = {
    FileID: upload.file_id,
    DryRun: options.dryRun,
    ListID: listId,
    TotalRows: upload.row_count,
    New: 0,
    Updated: 0,
    Unchanged: 0,
    Rejected: 0,
    RejectedByReason: { InvalidPhone: 0, DuplicateInFile: 0, TooLong: 0 },
    Failed: 0,
    AddedToList: 0,
    PhonesNotAdded: 0,
    ProblemRows: [],
    KeepExistingValues: options.keepExisting ?? false,
    Conflicts: 0,
    UpdatedContacts: [],
  };
  const updatedContacts = result.UpdatedContacts!;

  const isMember = prepareCached(db, 'SELECT 1 AS member FROM list_members WHERE list_id = ? AND person_id = ?');
  const addMember = prepareCached(db, 'INSERT OR IGNORE INTO list_members (list_id, person_id, added_at) VALUES (?, ?, ?)');
  // The contact columns in the order of importFields.
  const insertContact = prepareCached(
    db,
    `INSERT INTO contacts (account_id, owner_user_id, first_name, last_name, primary_phone, secondary_phone,
       tertiary_phone, notes, integration_data, created_at, last_updated)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertUploadRows = prepareCached(
    db,
    `INSERT INTO contacts (account_id, owner_user_id, created_at, last_updated, first_name, last_name, primary_phone,
       secondary_phone, tertiary_phone, notes, integration_data)
     SELECT ?, ?, ?, ?, first_name, last_name, primary_phone, secondary_phone, tertiary_phone, notes, integration_data
     FROM file_upload_rows WHERE file_id = ? AND row_number IN (SELECT value FROM json_each(?)) ORDER BY row_number`,
  );
  const addMembers = prepareCached(
    db,
    'INSERT OR IGNORE INTO list_members (list_id, person_id, added_at) SELECT ?1, person_id, ?2 FROM contacts WHERE person_id BETWEEN ?3 AND ?4',
  );
  const insertRow = (values: ImportValues, now: number) =>
    Number(insertContact.run(user.accountId, user.userId, ...importFields.map((field) => values[field]), now, now).lastInsertRowid);

  const joinList = (personId: number, now: number) => {
    if (listId === null) return;
    if (options.dryRun ? !isMember.get(listId, personId) : addMember.run(listId, personId, now).changes > 0) result.AddedToList += 1;
  };

  /** Merges a row into the contact it matched; true when the contact changes. */
  const mergeInto = (existing: ContactRow, rowNumber: number, values: ImportValues, now: number): boolean => {
    const plan = mergeImportedRow(existing, values, options.keepExisting);
    result.PhonesNotAdded += plan.phonesNotAdded.length;
    if (plan.conflict) result.Conflicts! += 1;
    const columns = Object.keys(plan.changes) as Array<keyof MergedColumns>;
    if (columns.length > 0 && updatedContacts.length < MAX_LISTED_UPDATES) {
      updatedContacts.push({
        RowNumber: rowNumber,
        PersonID: existing.person_id,
        PrimaryPhone: existing.primary_phone,
        Name: [existing.first_name, existing.last_name].filter(Boolean).join(' '),
        Changes: plan.fieldChanges,
      });
    }
    if (columns.length > 0 && !options.dryRun) {
      prepareCached(db, `UPDATE contacts SET ${columns.map((column) => `${column} = ?`).join(', ')}, last_updated = ? WHERE person_id = ?`).run(
        ...columns.map((column) => plan.changes[column]),
        now,
        existing.person_id,
      );
    }
    joinList(existing.person_id, now);
    return columns.length > 0;
  };

  /** One row on its own (the careful path): find its contact, then create or merge. */
  const importRow = (row: FileUploadRow, now: number): RowOutcome => {
    const values = valuesOfUploadRow(row);
    const existing = findContactByPhone(db, user, values.PrimaryPhone);
    if (existing) return mergeInto(existing, row.row_number, values, now) ? 'Updated' : 'Unchanged';
    if (options.dryRun) {
      if (listId !== null) result.AddedToList += 1;
      return 'New';
    }
    joinList(insertRow(values, now), now);
    return 'New';
  };

  // The answer lists the first problem rows only (decision 0073), read whole when listed; the counts and the
  // problems route have them all.
  const report = (row: UploadRowVerdict, reason: NonNullable<ImportProblemRow['Reason']>, message: string) => {
    if (result.ProblemRows.length >= MAX_LISTED_PROBLEM_ROWS) return;
    const [whole] = uploadRowsNumbered(db, upload.file_id, [row.row_number]);
    result.ProblemRows.push({ RowNumber: row.row_number, Reason: reason, Message: message, ...valuesOfUploadRow(whole!) });
  };

  const reject = (row: UploadRowVerdict & { problem: ImportRejectReason }) => {
    result.Rejected += 1;
    result.RejectedByReason[row.problem] += 1;
    report(row, row.problem, row.problem_detail);
  };

  /**
   * A batch at speed: its contacts found with one query, its new contacts inserted together from the upload's rows
   * and indexed for search in one statement; only rows that match a contact are read whole, to merge them. Throws
   * if any row cannot be saved; the batch is then redone row by row.
   */
  const runBatchAtOnce = (rows: readonly UploadRowVerdict[], now: number) => {
    const existing = findContactsByPhones(
      db,
      user,
      rows.filter((row) => !row.problem).map((row) => row.primary_phone),
    );
    const matched = uploadRowsNumbered(
      db,
      upload.file_id,
      rows.filter((row) => !row.problem && existing.has(row.primary_phone)).map((row) => row.row_number),
    );
    const freshRows: number[] = [];
    for (const row of rows) {
      if (row.problem) reject(row as UploadRowVerdict & { problem: ImportRejectReason });
      else if (!existing.has(row.primary_phone)) freshRows.push(row.row_number);
    }
    for (const row of matched) {
      result[mergeInto(existing.get(row.primary_phone)!, row.row_number, valuesOfUploadRow(row), now) ? 'Updated' : 'Unchanged'] += 1;
    }
    result.New += freshRows.length;
    if (options.dryRun) {
      if (listId !== null) result.AddedToList += freshRows.length;
      return;
    }
    if (freshRows.length === 0) return;
    insertContactsThenIndex(db, () => {
      // Straight from the upload's rows in one statement: the new PersonIDs are consecutive (nothing else writes).
      const inserted = insertUploadRows.run(user.accountId, user.userId, now, now, upload.file_id, JSON.stringify(freshRows));
      const lastId = Number(inserted.lastInsertRowid);
      const range = { firstId: lastId - inserted.changes + 1, lastId, accountId: user.accountId, ownerUserId: user.userId };
      if (listId !== null) result.AddedToList += addMembers.run(listId, now, range.firstId, range.lastId).changes;
      return range;
    });
  };

  /** The careful path: each row in its own savepoint, so a row that cannot be saved fails alone. */
  const runBatchRowByRow = (verdicts: readonly UploadRowVerdict[], now: number) => {
    for (const row of uploadRowsNumbered(
      db,
      upload.file_id,
      verdicts.map((verdict) => verdict.row_number),
    )) {
      if (row.problem) {
        reject(row as FileUploadRow & { problem: ImportRejectReason });
        continue;
      }
      try {
        result[db.transaction(() => importRow(row, now))()] += 1;
      } catch (error) {
        result.Failed += 1;
        report(row, 'Failed', error instanceof SandboxError ? error.message : 'The row could not be saved.');
      }
    }
  };

  const runBatch = (rows: readonly UploadRowVerdict[]) => {
    const now = options.now();
    if (listId !== null && !options.dryRun && !findVisibleList(db, user, listId)) {
      for (const row of rows) {
        if (row.problem) reject(row as UploadRowVerdict & { problem: ImportRejectReason });
        else {
          result.Failed += 1;
          report(row, 'Failed', 'The target list was deleted while the import ran.');
        }
      }
      return;
    }
    const before = {
      ...result,
      RejectedByReason: { ...result.RejectedByReason },
      problems: result.ProblemRows.length,
      updates: updatedContacts.length,
    };
    try {
      db.transaction(runBatchAtOnce)(rows, now);
    } catch {
      // Undo the batch's counts with its writes, then take it again one row at a time.
      const { problems, updates, ...counts } = before;
      Object.assign(result, counts);
      result.ProblemRows.length = problems;
      updatedContacts.length = updates;
      db.transaction(runBatchRowByRow)(rows, now);
    }
  };

  const sliceMs = options.sliceMs ?? IMPORT_SLICE_MS;
  let after = 0;
  /** Batches for one slice of time, in one transaction (each batch a savepoint in it); true when no rows are left. */
  const runSlice = db.transaction((): boolean => {
    const started = performance.now();
    do {
      const rows = uploadVerdictsAfter(db, upload.file_id, after, IMPORT_BATCH_SIZE);
      if (rows.length === 0) return true;
      runBatch(rows);
      after = rows.at(-1)!.row_number;
    } while (performance.now() - started < sliceMs);
    return false;
  });
  while (!runSlice()) {
    await (options.pause ?? yieldToOthers)();
  }
  return result;
}
