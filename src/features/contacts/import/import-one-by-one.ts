import Papa from 'papaparse';
import {
  importFieldHeaders,
  importFields,
  MAX_LISTED_PROBLEM_ROWS,
  type ContactImportResult,
  type ImportField,
  type ImportRejectReason,
  type ImportValues,
} from '@contract/contact-import.ts';
import { checkImportRow } from '@contract/contact-import-rows.ts';
import type { ContactInput } from '@contract/contact.ts';

/**
 * The import without `POST /v1/contacts/import` (decision 0133): the page checks the rows itself, with the rules the
 * sandbox's import uses, and creates each good row with the documented `POST /v1/contacts`. Without the import
 * route nothing can match a row to an existing contact first, so a number already among the contacts is left as it
 * is (the create answers "duplicate") instead of being filled in.
 */

type ProblemRow = ContactImportResult['ProblemRows'][number];

export interface OneByOnePlan {
  /** The dry run's answer, as the import route would give it, with every good row counted as new (at most). */
  review: ContactImportResult;
  /** The good rows, each with its row number in the file (the header is row 1). */
  contacts: Array<{ rowNumber: number; values: ImportValues }>;
}

const fieldOfHeader = new Map<string, ImportField>(importFields.map((field) => [importFieldHeaders[field], field]));

function problemRow(rowNumber: number, reason: ProblemRow['Reason'], message: string, values: Partial<ImportValues>): ProblemRow {
  const value = (field: ImportField) => values[field] ?? '';
  return {
    RowNumber: rowNumber,
    Reason: reason,
    Message: message,
    FirstName: value('FirstName'),
    LastName: value('LastName'),
    PrimaryPhone: value('PrimaryPhone'),
    SecondaryPhone: value('SecondaryPhone'),
    TertiaryPhone: value('TertiaryPhone'),
    Notes: value('Notes'),
    IntegrationData: value('IntegrationData'),
  };
}

const inputOf = (values: ImportValues, listId: number | null): ContactInput => ({
  FirstName: values.FirstName,
  LastName: values.LastName,
  PrimaryPhone: values.PrimaryPhone,
  SecondaryPhone: values.SecondaryPhone || undefined,
  TertiaryPhone: values.TertiaryPhone || undefined,
  Notes: values.Notes,
  IntegrationData: values.IntegrationData,
  Lists: listId !== null ? [{ ListID: listId }] : undefined,
});

/** Checks the file the page built for the upload (our header, then one line a row; blank lines are not rows). */
export function planOneByOne(builtCsv: string, fileId: string, listId: number | null): OneByOnePlan {
  const [header = [], ...records] = Papa.parse<string[]>(builtCsv, { skipEmptyLines: false }).data;
  const columns = header.map((name) => fieldOfHeader.get(name.trim()) ?? null);
  const rejectedByReason: Record<ImportRejectReason, number> = { InvalidPhone: 0, DuplicateInFile: 0, TooLong: 0 };
  const problemRows: ProblemRow[] = [];
  const contacts: OneByOnePlan['contacts'] = [];
  const firstRowOfPhone = new Map<string, number>();
  let totalRows = 0;
  const reject = (rowNumber: number, reason: ImportRejectReason, message: string, values: Partial<ImportValues>) => {
    rejectedByReason[reason] += 1;
    if (problemRows.length < MAX_LISTED_PROBLEM_ROWS) problemRows.push(problemRow(rowNumber, reason, message, values));
  };
  records.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const rowNumber = index + 2;
    totalRows += 1;
    const raw: Partial<ImportValues> = {};
    columns.forEach((field, column) => {
      if (field) raw[field] = cells[column] ?? '';
    });
    const check = checkImportRow(raw);
    if (!check.ok) return reject(rowNumber, check.reason, check.message, raw);
    const earlier = firstRowOfPhone.get(check.values.PrimaryPhone);
    if (earlier !== undefined) return reject(rowNumber, 'DuplicateInFile', `Same phone number as row ${earlier}`, check.values);
    firstRowOfPhone.set(check.values.PrimaryPhone, rowNumber);
    contacts.push({ rowNumber, values: check.values });
  });
  const review: ContactImportResult = {
    FileID: fileId,
    DryRun: true,
    ListID: listId,
    TotalRows: totalRows,
    New: contacts.length,
    Updated: 0,
    Unchanged: 0,
    Rejected: totalRows - contacts.length,
    RejectedByReason: rejectedByReason,
    Failed: 0,
    AddedToList: listId !== null ? contacts.length : 0,
    PhonesNotAdded: 0,
    ProblemRows: problemRows,
  };
  return { review, contacts };
}

/** A create the API refused because the number already has a contact. */
export const isDuplicateContact = (error: unknown) =>
  typeof error === 'object' && error !== null && 'errorName' in error && error.errorName === 'DuplicateContact';

/** Requests under way at once: enough to keep the line busy, few enough to stay clear of rate limits. */
const PARALLEL_CREATES = 4;

/**
 * Creates the plan's contacts, a few at a time, and answers as the import route would: `New` created, `Unchanged`
 * already there, `Failed` refused for any other reason.
 */
export async function importOneByOne(
  plan: OneByOnePlan,
  create: (input: ContactInput) => Promise<unknown>,
  onProgress: (done: number, total: number) => void,
): Promise<ContactImportResult> {
  const result: ContactImportResult = { ...plan.review, DryRun: false, New: 0, AddedToList: 0, ProblemRows: [...plan.review.ProblemRows] };
  let next = 0;
  let done = 0;
  const work = async () => {
    while (next < plan.contacts.length) {
      const { rowNumber, values } = plan.contacts[next++]!;
      try {
        await create(inputOf(values, plan.review.ListID));
        result.New += 1;
        if (plan.review.ListID !== null) result.AddedToList += 1;
      } catch (error) {
        if (isDuplicateContact(error)) {
          result.Unchanged += 1;
        } else {
          result.Failed += 1;
          const message = error instanceof Error ? error.message : 'The contact could not be saved.';
          if (result.ProblemRows.length < MAX_LISTED_PROBLEM_ROWS) result.ProblemRows.push(problemRow(rowNumber, 'Failed', message, values));
        }
      }
      onProgress(++done, plan.contacts.length);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CREATES }, work));
  result.ProblemRows.sort((a, b) => (a.RowNumber ?? 0) - (b.RowNumber ?? 0));
  return result;
}
