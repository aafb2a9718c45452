import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { listRefInputSchema } from './list.ts';

/**
 * Contact files (CSV) as the import, `POST /v1/fileuploads` and broadcasts read them
 * (docs/decisions/0017-file-uploads.md, 0018-contact-import.md). Shared by the sandbox and the import page, so a
 * row the page previews as good is a row the sandbox accepts.
 */

export const importFields = ['FirstName', 'LastName', 'PrimaryPhone', 'SecondaryPhone', 'TertiaryPhone', 'Notes', 'IntegrationData'] as const;
export type ImportField = (typeof importFields)[number];
export type ImportValues = Record<ImportField, string>;

/** The header the import page writes: bugalert's production header (`First Name,Last Name,Notes,Phone Number`) plus ours. */
export const importFieldHeaders: Record<ImportField, string> = {
  FirstName: 'First Name',
  LastName: 'Last Name',
  PrimaryPhone: 'Phone Number',
  SecondaryPhone: 'Secondary Phone',
  TertiaryPhone: 'Tertiary Phone',
  Notes: 'Notes',
  IntegrationData: 'Integration Data',
};

/** Header names people use for each field, compared without case, spaces or punctuation. */
const headerAliases: Record<ImportField, readonly string[]> = {
  FirstName: ['firstname', 'first', 'fname', 'givenname', 'forename', 'contactfirstname', 'parentfirstname'],
  LastName: ['lastname', 'last', 'lname', 'surname', 'familyname', 'contactlastname', 'parentlastname'],
  PrimaryPhone: [
    'phonenumber',
    'phone',
    'primaryphone',
    'primaryphonenumber',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'cell',
    'cellphone',
    'cellnumber',
    'telephone',
    'tel',
    'phone1',
    'number',
    'contactnumber',
  ],
  SecondaryPhone: ['secondaryphone', 'secondaryphonenumber', 'phone2', 'otherphone', 'homephone', 'workphone', 'alternatephone', 'altphone', 'alternatenumber'],
  TertiaryPhone: ['tertiaryphone', 'tertiaryphonenumber', 'phone3', 'thirdphone'],
  Notes: ['notes', 'note', 'comments', 'comment', 'memo', 'remarks'],
  IntegrationData: ['integrationdata', 'integrationid', 'externalid', 'externalreference', 'reference', 'studentid', 'sisid', 'crmid', 'employeeid'],
};

/** A header as people write it, compared without case, spaces or punctuation. */
export const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const aliasToField = new Map<string, ImportField>(importFields.flatMap((field) => headerAliases[field].map((alias) => [alias, field] as const)));

/** The field a column header names, or null. */
export function recognizeHeader(header: string): ImportField | null {
  return aliasToField.get(headerKey(header)) ?? null;
}

export const importProblemReasons = ['InvalidPhone', 'DuplicateInFile', 'TooLong', 'Failed'] as const;
export type ImportProblemReason = (typeof importProblemReasons)[number];
/** Reasons a row is refused before anything is written; `Failed` is a row the import could not save. */
export type ImportRejectReason = Exclude<ImportProblemReason, 'Failed'>;

export const importProblemLabels: Record<ImportProblemReason, string> = {
  InvalidPhone: 'Invalid phone number',
  DuplicateInFile: 'Duplicate in file',
  TooLong: 'Too long',
  Failed: 'Could not be saved',
};

export const importFieldLabels: Record<ImportField, string> = {
  FirstName: 'First name',
  LastName: 'Last name',
  PrimaryPhone: 'Phone number',
  SecondaryPhone: 'Secondary phone',
  TertiaryPhone: 'Tertiary phone',
  Notes: 'Notes',
  IntegrationData: 'Integration data',
};

/** Trimmed values of a mapped row; unmapped fields are "". */
export function emptyImportValues(): ImportValues {
  return { FirstName: '', LastName: '', PrimaryPhone: '', SecondaryPhone: '', TertiaryPhone: '', Notes: '', IntegrationData: '' };
}

/** Body of `POST /v1/contacts/import` (our route, decision 0018). */
export const contactImportInputSchema = z.object({
  FileID: z.string({ error: 'Expected a file ID' }).trim().min(1, 'Expected a file ID').max(100),
  /** A list the imported contacts join (besides Everyone). */
  ListID: listRefInputSchema.shape.ListID.optional(),
  /** Work out what would happen and change nothing. */
  DryRun: z.boolean().optional(),
  /**
   * Keep what existing contacts hold: fill only their empty fields, never replace a value (decision 0164). Without
   * it, a filled cell replaces the contact's text (decision 0018).
   */
  KeepExistingValues: z.boolean().optional(),
});
export type ContactImportInput = z.infer<typeof contactImportInputSchema>;

export const importProblemRowSchema = z.object({
  /** The row in the file, counting the header as row 1 (as a spreadsheet shows it). */
  RowNumber: z.int(),
  Reason: z.enum(importProblemReasons),
  Message: z.string(),
  FirstName: z.string(),
  LastName: z.string(),
  PrimaryPhone: z.string(),
  SecondaryPhone: z.string(),
  TertiaryPhone: z.string(),
  Notes: z.string(),
  IntegrationData: z.string(),
});
export type ImportProblemRow = Answer<z.infer<typeof importProblemRowSchema>>;

/**
 * Problem rows an import's answer lists (decision 0073): enough to show and to act on, small enough to parse at once
 * even when a million-row file has tens of thousands. `GET /v1/contacts/import/{FileID}/problems` has every rejected row.
 */
export const MAX_LISTED_PROBLEM_ROWS = 100;

/** The fields an import can change on an existing contact (its primary number is how it was found). */
export const importChangeFields = ['FirstName', 'LastName', 'SecondaryPhone', 'TertiaryPhone', 'Notes', 'IntegrationData'] as const;
export type ImportChangeField = (typeof importChangeFields)[number];

/** One existing contact the import changes (decision 0164): each changed field, before and after. */
export const importUpdateSchema = z.object({
  /** The file's row that changes it (the header is row 1). */
  RowNumber: z.int(),
  PersonID: z.int(),
  PrimaryPhone: z.string(),
  /** The contact's name before the import ("First Last"). */
  Name: z.string(),
  Changes: z.array(z.object({ Field: z.enum(importChangeFields), Before: z.string(), After: z.string() })),
});
export type ImportUpdate = Answer<z.infer<typeof importUpdateSchema>>;

/** What merging a row into the contact it matched changes. */
export interface ImportMerge {
  /** Only the fields that change, in the order of importChangeFields. */
  changes: Array<{ Field: ImportChangeField; Before: string; After: string }>;
  /** Numbers of the row that found no free phone slot on the contact. */
  phonesNotAdded: string[];
  /** The row differs on a value the contact holds (replaced, or kept when keeping existing values). */
  conflict: boolean;
}

const textFields = ['FirstName', 'LastName', 'Notes', 'IntegrationData'] as const;

/**
 * The merge rule (decisions 0018, 0164), used by the sandbox's import and by the import made one row at a time: a
 * filled cell replaces the contact's text (or, keeping existing values, fills it only where the contact has none),
 * an empty one never clears it; a number the contact lacks goes into its first free phone slot, and no number is
 * ever removed or replaced. Do-not-call flags, opt-in statuses and opt-outs belong to numbers and are never touched.
 */
export function mergeImportValues(existing: ImportValues, values: ImportValues, keepExisting = false): ImportMerge {
  const after = new Map<ImportChangeField, string>();
  let conflict = false;
  for (const field of textFields) {
    if (values[field] === '' || values[field] === existing[field]) continue;
    if (existing[field] !== '') conflict = true;
    if (!keepExisting || existing[field] === '') after.set(field, values[field]);
  }
  const numbers = new Set([existing.PrimaryPhone, existing.SecondaryPhone, existing.TertiaryPhone].filter(Boolean));
  const freeSlots = (['SecondaryPhone', 'TertiaryPhone'] as const).filter((slot) => existing[slot] === '');
  const phonesNotAdded: string[] = [];
  for (const phone of [values.SecondaryPhone, values.TertiaryPhone]) {
    if (phone === '' || numbers.has(phone)) continue;
    numbers.add(phone);
    const slot = freeSlots.shift();
    if (slot) after.set(slot, phone);
    else phonesNotAdded.push(phone);
  }
  const changes = importChangeFields.filter((field) => after.has(field)).map((field) => ({ Field: field, Before: existing[field], After: after.get(field)! }));
  return { changes, phonesNotAdded, conflict };
}

/** Updated contacts an import's answer lists with their changes: the first ones, as many as a review can show. */
export const MAX_LISTED_UPDATES = 100;

export const contactImportResultSchema = z.object({
  FileID: z.string(),
  DryRun: z.boolean(),
  ListID: z.int().nullable(),
  /** Rows in the file (blank lines are not rows). */
  TotalRows: z.int(),
  New: z.int(),
  Updated: z.int(),
  Unchanged: z.int(),
  Rejected: z.int(),
  RejectedByReason: z.object({ InvalidPhone: z.int(), DuplicateInFile: z.int(), TooLong: z.int() }),
  /** Rows that were valid but could not be saved (apply only). */
  Failed: z.int(),
  /** New or existing contacts that join the target list. */
  AddedToList: z.int(),
  /** Extra numbers not added because the matched contact had no free phone slot. */
  PhonesNotAdded: z.int(),
  /** The first rejected or failed rows (at most MAX_LISTED_PROBLEM_ROWS), in file order; `Rejected + Failed` counts them all. */
  ProblemRows: z.array(importProblemRowSchema).max(MAX_LISTED_PROBLEM_ROWS),
  // Decision 0164; optional, as an older server does not send them.
  /** Whether existing values were kept (`KeepExistingValues`). */
  KeepExistingValues: z.boolean().optional(),
  /**
   * Existing contacts holding a value the file differs on: replaced by default, kept with `KeepExistingValues`
   * (those contacts then count as Updated only when an empty field is filled).
   */
  Conflicts: z.int().optional(),
  /** The first updated contacts (at most MAX_LISTED_UPDATES), in file order, each with its changes; `Updated` counts them all. */
  UpdatedContacts: z.array(importUpdateSchema).max(MAX_LISTED_UPDATES).optional(),
  /** Existing contacts that could not join the target list (the import made one contact at a time, decision 0133). */
  ExistingNotAddedToList: z.int().optional(),
});
export type ContactImportResult = Answer<z.infer<typeof contactImportResultSchema>>;
