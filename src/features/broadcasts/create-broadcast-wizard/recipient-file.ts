import Papa from 'papaparse';
import {
  columnNameOf,
  contactFileCells,
  contactFileHeader,
  initialMapping,
  valuesOfRow,
  type ChoiceStore,
  type ColumnField,
} from '@contract/column-mapping.ts';
import { checkImportRow, looksLikeHeaderRow } from '@contract/contact-import-rows.ts';
import { importFields, type ImportRejectReason, type ImportValues } from '@contract/contact-import.ts';
import { csvLine } from '@contract/csv.ts';
import { formatCountOf } from '@/utils/format-number.ts';

/** A recipients file as the wizard read it, before uploading the rows it keeps (decision 0151). */
export interface RecipientFile {
  /** The columns that were used, and as what. */
  columns: Array<{ column: string; field: ColumnField }>;
  /** Rows of people in the file: the header and blank lines not counted. */
  totalRows: number;
  /** The rows that are sent: phone numbers normalised, names split. */
  people: ImportValues[];
  leftOut: Record<ImportRejectReason, number>;
  /** The first rows left out, to show why. */
  leftOutRows: Array<{ row: number; reason: ImportRejectReason; message: string }>;
}

export const LISTED_LEFT_OUT_ROWS = 5;

/**
 * Reads a CSV of recipients as the contacts import does: the same column guesses and remembered choices, a "Name"
 * column split into first and last name, every row checked by the sandbox's own rules. Throws when there is
 * nobody to send to.
 */
export function readRecipientFile(text: string, storage: ChoiceStore): RecipientFile {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
  const hasHeader = looksLikeHeaderRow(rows[0] ?? []);
  const columnCount = Math.max(0, ...rows.slice(0, 1000).map((row) => row.length));
  const headers = Array.from({ length: columnCount }, (_, column) => (hasHeader ? columnNameOf(rows, true, column) : ''));
  const firstDataRow = hasHeader ? 1 : 0;
  const mapping = initialMapping(headers, rows.slice(firstDataRow, firstDataRow + 50), storage);
  if (!mapping.includes('PrimaryPhone')) {
    throw new Error('No column of this file holds phone numbers. Name one "Phone" and upload it again.');
  }

  const file: RecipientFile = {
    columns: mapping.flatMap((field, column) => (field ? [{ column: columnNameOf(rows, hasHeader, column), field }] : [])),
    totalRows: 0,
    people: [],
    leftOut: { InvalidPhone: 0, DuplicateInFile: 0, TooLong: 0 },
    leftOutRows: [],
  };
  const rowOfPhone = new Map<string, number>();
  rows.slice(firstDataRow).forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    file.totalRows += 1;
    // Rows are numbered as a spreadsheet shows them, the header being row 1.
    const row = firstDataRow + index + 1;
    const check = checkImportRow(valuesOfRow(cells, mapping));
    const earlier = check.ok ? rowOfPhone.get(check.values.PrimaryPhone) : undefined;
    const problem = !check.ok
      ? { reason: check.reason, message: check.message }
      : earlier !== undefined
        ? { reason: 'DuplicateInFile' as const, message: `Same phone number as row ${earlier}` }
        : null;
    if (problem) {
      file.leftOut[problem.reason] += 1;
      if (file.leftOutRows.length < LISTED_LEFT_OUT_ROWS) file.leftOutRows.push({ row, ...problem });
    } else if (check.ok) {
      rowOfPhone.set(check.values.PrimaryPhone, row);
      file.people.push(check.values);
    }
  });
  if (file.totalRows === 0) throw new Error('This file has no rows of people.');
  return file;
}

/**
 * The file the wizard uploads: the production header (decision 0017) and one line per person kept. Cells go as
 * typed, formulas too: it is data for the API, not a file a person opens (decision 0124).
 */
export function recipientFileCsv(people: readonly ImportValues[]): string {
  return [contactFileHeader, ...people.map(contactFileCells)].map((cells) => csvLine(cells, { formulas: 'keep' })).join('\r\n');
}

/** The files read back lately, by their text: the draft is read again on every keystroke, its files rarely change. */
const readBack = new Map<string, ImportValues[]>();

/** The people of a file `recipientFileCsv` wrote (as the draft keeps it), read back. */
export function peopleOfCsv(csv: string): ImportValues[] {
  let people = readBack.get(csv);
  if (!people) {
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1);
    people = rows.map((cells) => Object.fromEntries(importFields.map((field, index) => [field, cells[index] ?? ''])) as ImportValues);
    if (readBack.size >= 8) readBack.clear();
    readBack.set(csv, people);
  }
  return people;
}

/**
 * The draft keeps the file it uploaded, to write merge-field fallbacks into, up to this many people; a larger file
 * would slow every keystroke's save of the draft (decision 0152).
 */
export const MAX_KEPT_PEOPLE = 10_000;

const leftOutWords: Record<ImportRejectReason, [one: string, many: string]> = {
  InvalidPhone: ['invalid phone number', 'invalid phone numbers'],
  DuplicateInFile: ['repeated number', 'repeated numbers'],
  TooLong: ['value too long', 'values too long'],
};

/** "1 row left out: 1 invalid phone number", or null when every row is sent. */
export function describeLeftOut(leftOut: Record<ImportRejectReason, number>): string | null {
  const reasons = (Object.keys(leftOutWords) as ImportRejectReason[]).filter((reason) => leftOut[reason] > 0);
  if (reasons.length === 0) return null;
  const total = reasons.reduce((sum, reason) => sum + leftOut[reason], 0);
  const parts = reasons.map((reason) => formatCountOf(leftOut[reason], ...leftOutWords[reason]));
  return `${formatCountOf(total, 'row', 'rows')} left out: ${parts.join(', ')}`;
}
