import Papa from 'papaparse';
import {
  importFieldHeaders,
  importFields,
  MAX_LISTED_PROBLEM_ROWS,
  MAX_LISTED_UPDATES,
  mergeImportValues,
  type ContactImportResult,
  type ImportField,
  type ImportRejectReason,
  type ImportValues,
} from '@contract/contact-import.ts';
import { checkImportRow } from '@contract/contact-import-rows.ts';
import { contactIdOf, type Contact, type ContactInput, type ContactUpdateInput } from '@contract/contact.ts';

/**
 * The import without `POST /v1/contacts/import` (decision 0133): the page checks the rows itself, with the rules the
 * sandbox's import uses, and creates each good row with the documented `POST /v1/contacts`. A number already among
 * the contacts (the create answers "duplicate") is found by a search and merged with the import's rule and the
 * user's choice to keep existing values (decision 0164), when the API offers contact updates; otherwise it is left
 * as it is. With a target list, the contacts that already existed join it in one request where the API offers that
 * route; where it does not, the answer counts them in `ExistingNotAddedToList`.
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

/** The requests the import makes; without `update` (or `findByPhone`) existing contacts are left as they are. */
export interface OneByOneRequests {
  create: (input: ContactInput) => Promise<unknown>;
  /** The active contact whose primary number this is, if any. */
  findByPhone?: ((phone: string) => Promise<Contact | undefined>) | undefined;
  /** Resolves false when the API turns out not to offer contact updates (the contact is then left as it is). */
  update?: ((personId: number, input: ContactUpdateInput) => Promise<unknown>) | undefined;
  /** Adds existing contacts to the target list; resolves false when the API turns out not to offer it. */
  addToList?: ((listId: number, personIds: number[]) => Promise<boolean>) | undefined;
}

const valuesOfContact = (contact: Contact): ImportValues => ({
  FirstName: contact.FirstName ?? '',
  LastName: contact.LastName ?? '',
  PrimaryPhone: contact.PrimaryPhone ?? '',
  SecondaryPhone: contact.SecondaryPhone ?? '',
  TertiaryPhone: contact.TertiaryPhone ?? '',
  Notes: contact.Notes ?? '',
  IntegrationData: contact.IntegrationData ?? '',
});

/** Requests under way at once: enough to keep the line busy, few enough to stay clear of rate limits. */
const PARALLEL_CREATES = 4;

/**
 * Creates the plan's contacts, a few at a time, and answers as the import route would: `New` created, `Updated` an
 * existing contact filled in (its changes listed), `Unchanged` already there and left so, `Failed` refused for any
 * other reason.
 */
export async function importOneByOne(
  plan: OneByOnePlan,
  { create, findByPhone, update, addToList }: OneByOneRequests,
  onProgress: (done: number, total: number) => void,
  keepExisting = false,
): Promise<ContactImportResult> {
  const result: ContactImportResult = {
    ...plan.review,
    DryRun: false,
    New: 0,
    AddedToList: 0,
    ProblemRows: [...plan.review.ProblemRows],
    KeepExistingValues: keepExisting,
    Conflicts: 0,
    UpdatedContacts: [],
  };
  const updates = result.UpdatedContacts!;
  /** Contacts that already had a row's number: they join the target list too, as with the import route. */
  const existingIds: number[] = [];
  /** Merges a row into the contact that already has its number; its outcome. */
  const mergeIntoExisting = async (rowNumber: number, values: ImportValues): Promise<'Updated' | 'Unchanged'> => {
    if (!findByPhone) return 'Unchanged';
    const existing = await findByPhone(values.PrimaryPhone);
    const existingId = existing ? contactIdOf(existing) : undefined;
    if (!existing || existingId === undefined) return 'Unchanged';
    existingIds.push(existingId);
    if (!update) return 'Unchanged';
    const merge = mergeImportValues(valuesOfContact(existing), values, keepExisting);
    result.PhonesNotAdded += merge.phonesNotAdded.length;
    if (merge.conflict) result.Conflicts! += 1;
    if (merge.changes.length === 0) return 'Unchanged';
    const applied = await update(existingId, Object.fromEntries(merge.changes.map((change) => [change.Field, change.After])));
    if (applied === false) return 'Unchanged';
    if (updates.length < MAX_LISTED_UPDATES) {
      updates.push({
        RowNumber: rowNumber,
        PersonID: existingId,
        PrimaryPhone: values.PrimaryPhone,
        Name: [existing.FirstName, existing.LastName].filter(Boolean).join(' '),
        Changes: merge.changes,
      });
    }
    return 'Updated';
  };
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
        try {
          if (!isDuplicateContact(error)) throw error;
          result[await mergeIntoExisting(rowNumber, values)] += 1;
        } catch (failure) {
          result.Failed += 1;
          const message = failure instanceof Error ? failure.message : 'The contact could not be saved.';
          if (result.ProblemRows.length < MAX_LISTED_PROBLEM_ROWS) result.ProblemRows.push(problemRow(rowNumber, 'Failed', message, values));
        }
      }
      onProgress(++done, plan.contacts.length);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CREATES }, work));
  const listId = plan.review.ListID;
  if (listId !== null && existingIds.length > 0) {
    const added = addToList ? await addToList(listId, existingIds).catch(() => false) : false;
    if (added) result.AddedToList += existingIds.length;
    else result.ExistingNotAddedToList = existingIds.length;
  }
  result.ProblemRows.sort((a, b) => (a.RowNumber ?? 0) - (b.RowNumber ?? 0));
  updates.sort((a, b) => (a.RowNumber ?? 0) - (b.RowNumber ?? 0));
  return result;
}
