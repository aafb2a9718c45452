import { z } from './zod.ts';
import { CONTACT_LIMITS } from './contact.ts';
import { listRefInputSchema } from './list.ts';
import { normalizePhoneNumber, phoneProblemMessages } from './phone-number.ts';

/**
 * Contact files (CSV) as the import, `POST /v1/fileuploads` and broadcasts read them
 * (docs/decisions/0017-file-uploads.md, 0018-contact-import.md). Shared by the sandbox and the import page, so a
 * row the page previews as good is a row the sandbox accepts.
 */

export const importFields = [
  'FirstName',
  'LastName',
  'PrimaryPhone',
  'SecondaryPhone',
  'TertiaryPhone',
  'Notes',
  'IntegrationData',
] as const;
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
    'phonenumber', 'phone', 'primaryphone', 'primaryphonenumber', 'mobile', 'mobilephone', 'mobilenumber', 'cell',
    'cellphone', 'cellnumber', 'telephone', 'tel', 'phone1', 'number', 'contactnumber',
  ],
  SecondaryPhone: [
    'secondaryphone', 'secondaryphonenumber', 'phone2', 'otherphone', 'homephone', 'workphone', 'alternatephone',
    'altphone', 'alternatenumber',
  ],
  TertiaryPhone: ['tertiaryphone', 'tertiaryphonenumber', 'phone3', 'thirdphone'],
  Notes: ['notes', 'note', 'comments', 'comment', 'memo', 'remarks'],
  IntegrationData: [
    'integrationdata', 'integrationid', 'externalid', 'externalreference', 'reference', 'studentid', 'sisid', 'crmid',
    'employeeid',
  ],
};

const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const aliasToField = new Map<string, ImportField>(
  importFields.flatMap((field) => headerAliases[field].map((alias) => [alias, field] as const)),
);

/** The field a column header names, or null. */
export function recognizeHeader(header: string): ImportField | null {
  return aliasToField.get(headerKey(header)) ?? null;
}

const phoneSlots = ['PrimaryPhone', 'SecondaryPhone', 'TertiaryPhone'] as const;

/** True when most of a column's non-empty sample values are valid phone numbers. */
function looksLikePhoneColumn(rows: readonly (readonly string[])[], column: number): boolean {
  const values = rows.map((row) => (row[column] ?? '').trim()).filter(Boolean);
  if (values.length === 0) return false;
  return values.filter((value) => normalizePhoneNumber(value).ok).length / values.length >= 0.6;
}

/** A first row is data, not a header, when one of its cells is a valid phone number. */
export function looksLikeHeaderRow(row: readonly string[]): boolean {
  return row.some((cell) => cell.trim() !== '') && !row.some((cell) => normalizePhoneNumber(cell).ok);
}

/**
 * Guesses which field each column holds: by header name first (a second "Phone" column becomes the secondary
 * phone), then, if no phone column was named, by content: columns of mostly valid numbers become the phones.
 */
export function detectColumnMapping(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
): Array<ImportField | null> {
  const mapping: Array<ImportField | null> = headers.map(() => null);
  const taken = new Set<ImportField>();
  headers.forEach((header, column) => {
    let field = recognizeHeader(header);
    if (field && phoneSlots.includes(field as (typeof phoneSlots)[number]) && taken.has(field)) {
      field = phoneSlots.find((slot) => !taken.has(slot)) ?? null;
    }
    if (field && !taken.has(field)) {
      mapping[column] = field;
      taken.add(field);
    }
  });
  if (!taken.has('PrimaryPhone')) {
    headers.forEach((_, column) => {
      const slot = phoneSlots.find((candidate) => !taken.has(candidate));
      if (slot && mapping[column] === null && looksLikePhoneColumn(sampleRows, column)) {
        mapping[column] = slot;
        taken.add(slot);
      }
    });
  }
  return mapping;
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

export type ImportRowCheck =
  | { ok: true; values: ImportValues; repairedPhones: ImportField[] }
  | { ok: false; reason: ImportRejectReason; message: string };

export const importFieldLabels: Record<ImportField, string> = {
  FirstName: 'First name',
  LastName: 'Last name',
  PrimaryPhone: 'Phone number',
  SecondaryPhone: 'Secondary phone',
  TertiaryPhone: 'Tertiary phone',
  Notes: 'Notes',
  IntegrationData: 'Integration data',
};

const lengthLimits: Partial<Record<ImportField, number>> = {
  FirstName: CONTACT_LIMITS.name,
  LastName: CONTACT_LIMITS.name,
  Notes: CONTACT_LIMITS.notes,
  IntegrationData: CONTACT_LIMITS.integrationData,
};

/** Trimmed values of a mapped row; unmapped fields are "". */
export function emptyImportValues(): ImportValues {
  return { FirstName: '', LastName: '', PrimaryPhone: '', SecondaryPhone: '', TertiaryPhone: '', Notes: '', IntegrationData: '' };
}

/**
 * One row's verdict: its values normalised (phones to 10 digits), or the first reason it cannot be imported.
 * Duplicates within a file are found by the caller, which sees every row.
 */
export function checkImportRow(raw: Partial<ImportValues>): ImportRowCheck {
  const values = emptyImportValues();
  for (const field of importFields) values[field] = (raw[field] ?? '').trim();
  const repairedPhones: ImportField[] = [];
  const seen = new Set<string>();
  for (const field of phoneSlots) {
    if (field !== 'PrimaryPhone' && values[field] === '') continue;
    const check = normalizePhoneNumber(values[field]);
    if (!check.ok) {
      const problem = check.problem === 'empty' ? 'is missing' : `"${values[field]}": ${phoneProblemMessages[check.problem]}`;
      return { ok: false, reason: 'InvalidPhone', message: `${importFieldLabels[field]} ${problem}` };
    }
    if (check.repaired) repairedPhones.push(field);
    // The same number twice on one row adds nothing: keep it once.
    values[field] = seen.has(check.digits) ? '' : check.digits;
    seen.add(check.digits);
  }
  for (const [field, limit] of Object.entries(lengthLimits) as Array<[ImportField, number]>) {
    if (values[field].length > limit) {
      return { ok: false, reason: 'TooLong', message: `${importFieldLabels[field]} has ${values[field].length} characters (at most ${limit})` };
    }
  }
  return { ok: true, values, repairedPhones };
}

/** Body of `POST /v1/contacts/import` (our route, decision 0018). */
export const contactImportInputSchema = z.object({
  FileID: z.string({ error: 'Expected a file ID' }).trim().min(1, 'Expected a file ID').max(100),
  /** A list the imported contacts join (besides Everyone). */
  ListID: listRefInputSchema.shape.ListID.optional(),
  /** Work out what would happen and change nothing. */
  DryRun: z.boolean().optional(),
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
export type ImportProblemRow = z.infer<typeof importProblemRowSchema>;

/**
 * Problem rows an import's answer lists (decision 0073): enough to show and to act on, small enough to parse at once
 * even when a million-row file has tens of thousands. `GET /v1/contacts/import/{FileID}/problems` has every rejected row.
 */
export const MAX_LISTED_PROBLEM_ROWS = 100;

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
});
export type ContactImportResult = z.infer<typeof contactImportResultSchema>;
