import { CONTACT_LIMITS } from './contact.ts';
import {
  emptyImportValues,
  importFieldLabels,
  importFields,
  recognizeHeader,
  type ImportField,
  type ImportRejectReason,
  type ImportValues,
} from './contact-import.ts';
import { normalizePhoneNumber, phoneProblemMessages } from './phone-number.ts';

/*
 * Checking a contact file's rows and guessing its columns, apart from the import's API shapes (contact-import.ts):
 * they bring the phone-number library, which the pages that only show an import's answer need not load.
 */

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
export function detectColumnMapping(headers: readonly string[], sampleRows: readonly (readonly string[])[]): Array<ImportField | null> {
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

export type ImportRowCheck = { ok: true; values: ImportValues; repairedPhones: ImportField[] } | { ok: false; reason: ImportRejectReason; message: string };

const lengthLimits: Partial<Record<ImportField, number>> = {
  FirstName: CONTACT_LIMITS.name,
  LastName: CONTACT_LIMITS.name,
  Notes: CONTACT_LIMITS.notes,
  IntegrationData: CONTACT_LIMITS.integrationData,
};

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
