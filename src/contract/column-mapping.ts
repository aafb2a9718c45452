import { importFields, type ImportField } from '@contract/contact-import.ts';
import { detectColumnMapping } from '@contract/contact-import-rows.ts';

const STORAGE_KEY = 'callboard.import.mapping';

/** Headers compared as people write them: without case, spaces or punctuation. */
const keyOf = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

type Remembered = Record<string, ImportField | null>;

function readRemembered(storage: Storage): Remembered {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(([, field]) => field === null || (importFields as readonly unknown[]).includes(field)),
    ) as Remembered;
  } catch {
    return {};
  }
}

/**
 * The mapping to start from: what the user chose last time for a header of the same name, otherwise the
 * auto-detected field. A field is never given to two columns.
 */
export function initialMapping(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  storage: Storage = localStorage,
): Array<ImportField | null> {
  const detected = detectColumnMapping(headers, sampleRows);
  const remembered = readRemembered(storage);
  const mapping = headers.map((header, column) => {
    const key = keyOf(header);
    return key && key in remembered ? remembered[key]! : detected[column]!;
  });
  const taken = new Set<ImportField>();
  return mapping.map((field) => {
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** Remembers the user's choices by header, for the next file with the same columns. */
export function rememberMapping(headers: readonly string[], mapping: ReadonlyArray<ImportField | null>, storage: Storage = localStorage) {
  const remembered = readRemembered(storage);
  headers.forEach((header, column) => {
    const key = keyOf(header);
    if (key) remembered[key] = mapping[column] ?? null;
  });
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(remembered));
  } catch {
    // Storage full or blocked: the next import simply detects again.
  }
}

/** The header of a column, or "Column 3" when the file has none. */
export const columnNameOf = (firstRows: readonly (readonly string[])[], hasHeader: boolean, column: number) =>
  (hasHeader ? firstRows[0]?.[column]?.trim() : '') || `Column ${column + 1}`;
