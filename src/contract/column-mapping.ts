import { emptyImportValues, headerKey, importFieldHeaders, importFieldLabels, importFields, type ImportField, type ImportValues } from './contact-import.ts';
import { detectColumnMapping } from './contact-import-rows.ts';

/*
 * Matching a contact file's columns to contact fields, as the contacts import and the broadcast wizard's file upload
 * both do: the same guesses, the same remembered choices, and a full-name column split into first and last name.
 */

/** What a column can be read as: a contact field, or a whole name that is split into first and last. */
export type ColumnField = ImportField | 'FullName';
export const columnFields: readonly ColumnField[] = [...importFields, 'FullName'];

export const columnFieldLabels: Record<ColumnField, string> = { ...importFieldLabels, FullName: 'Full name (first and last)' };

/** Headers of a column holding whole names. Read only when no column holds first or last names. */
const fullNameHeaders = new Set(['name', 'fullname', 'contactname', 'parentname', 'guardianname', 'studentname', 'displayname', 'names']);

/** Where remembered choices are kept (the browser's localStorage); a parameter, so this module runs anywhere. */
export interface ChoiceStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'callboard.import.mapping';

type Remembered = Record<string, ColumnField | null>;

function readRemembered(storage: ChoiceStore): Remembered {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(([, field]) => field === null || (columnFields as readonly unknown[]).includes(field)),
    ) as Remembered;
  } catch {
    return {};
  }
}

/**
 * The mapping to start from: what the user chose last time for a header of the same name, otherwise the
 * auto-detected field; a "Name" column is the full name when no column holds first or last names. A field is never
 * given to two columns.
 */
export function initialMapping(headers: readonly string[], sampleRows: readonly (readonly string[])[], storage: ChoiceStore): Array<ColumnField | null> {
  const detected: Array<ColumnField | null> = detectColumnMapping(headers, sampleRows);
  const remembered = readRemembered(storage);
  const mapping = headers.map((header, column) => {
    const key = headerKey(header);
    return key && key in remembered ? remembered[key]! : detected[column]!;
  });
  if (!mapping.some((field) => field === 'FirstName' || field === 'LastName' || field === 'FullName')) {
    const fullName = headers.findIndex((header, column) => mapping[column] === null && fullNameHeaders.has(headerKey(header)));
    if (fullName !== -1) mapping[fullName] = 'FullName';
  }
  const taken = new Set<ColumnField>();
  return mapping.map((field) => {
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** Remembers the user's choices by header, for the next file with the same columns. */
export function rememberMapping(headers: readonly string[], mapping: ReadonlyArray<ColumnField | null>, storage: ChoiceStore) {
  const remembered = readRemembered(storage);
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (key) remembered[key] = mapping[column] ?? null;
  });
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(remembered));
  } catch {
    // Storage full or blocked: the next file simply detects again.
  }
}

/** The header of a column, or "Column 3" when the file has none. */
export const columnNameOf = (firstRows: readonly (readonly string[])[], hasHeader: boolean, column: number) =>
  (hasHeader ? firstRows[0]?.[column]?.trim() : '') || `Column ${column + 1}`;

/**
 * A whole name as first and last name: "Lovelace, Ada" (a spreadsheet's "Last, First") or "Ada King Lovelace"
 * (the first word, then the rest).
 */
export function splitFullName(fullName: string): { FirstName: string; LastName: string } {
  const name = fullName.trim().replace(/\s+/g, ' ');
  const comma = name.indexOf(',');
  if (comma !== -1 && name.indexOf(',', comma + 1) === -1) {
    return { FirstName: name.slice(comma + 1).trim(), LastName: name.slice(0, comma).trim() };
  }
  const space = name.indexOf(' ');
  return space === -1 ? { FirstName: name, LastName: '' } : { FirstName: name.slice(0, space), LastName: name.slice(space + 1) };
}

/** One row's contact fields under a mapping, as written in the file; a full name fills first and last names left empty. */
export function valuesOfRow(cells: readonly string[], mapping: ReadonlyArray<ColumnField | null>): ImportValues {
  const values = emptyImportValues();
  let fullName = '';
  mapping.forEach((field, column) => {
    if (field === 'FullName') fullName = cells[column] ?? '';
    else if (field) values[field] = cells[column] ?? '';
  });
  if (fullName.trim()) {
    const split = splitFullName(fullName);
    if (!values.FirstName.trim()) values.FirstName = split.FirstName;
    if (!values.LastName.trim()) values.LastName = split.LastName;
  }
  return values;
}

/** The header of the file we upload: bugalert's production header plus ours (decision 0017). */
export const contactFileHeader: readonly string[] = importFields.map((field) => importFieldHeaders[field]);

/** A row's cells in the order of `contactFileHeader`. */
export const contactFileCells = (values: ImportValues): string[] => importFields.map((field) => values[field]);
