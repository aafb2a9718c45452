/**
 * Every CSV the product writes goes through here (docs/decisions/0124-one-csv-writer.md): the results export, the
 * opt-out and usage downloads, the import's rejected rows, and the file the import uploads. Cells are quoted as
 * RFC 4180 and papaparse do, and a cell a spreadsheet would run as a formula is neutralized.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * 'neutralize' (the default, for every file a person opens): a text cell that starts with =, +, -, @, a tab or a
   * carriage return gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of
   * running it. 'keep': the cells as they are, for a file that goes to the API as data (the import's upload).
   */
  formulas?: 'neutralize' | 'keep';
}

/** Cells that must be quoted to read back as written: the delimiter, a quote, a line break, or edge whitespace. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** What a spreadsheet reads as the start of a formula (OWASP's list: = + - @, and tab and CR before them). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text. Numbers and booleans are written as they are; null and undefined as an empty cell. */
export function csvCell(value: CsvValue, options?: CsvOptions): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  if (options?.formulas !== 'keep' && FORMULA_START.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One line of cells, without its line break. */
export function csvLine(cells: readonly CsvValue[], options?: CsvOptions): string {
  let line = '';
  for (let index = 0; index < cells.length; index += 1) {
    if (index > 0) line += ',';
    line += csvCell(cells[index], options);
  }
  return line;
}

/** Rows as CSV lines, each ended with CRLF, so parts of a file can be appended as they are made. */
export function csvLines(rows: ReadonlyArray<readonly CsvValue[]>, options?: CsvOptions): string {
  let text = '';
  for (const row of rows) text += `${csvLine(row, options)}\r\n`;
  return text;
}

/** A whole file: the header line, then the rows. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>, options?: CsvOptions): string {
  return csvLines([header, ...rows], options);
}
