/** Cells that must be quoted to read back as written: the delimiter, a quote, a line break, or edge whitespace. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One CSV line, quoted as papaparse quotes it. Written by hand because the import builds a million of them:
 * `Papa.unparse` takes about twice as long for the same text.
 */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let index = 0; index < cells.length; index += 1) {
    const cell = cells[index]!;
    if (index > 0) line += ',';
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return line;
}

/**
 * A file's lines as parts of a few thousand lines each, for a Blob: one string of a million lines took twice as long
 * to build. Joined, the parts are the lines separated by CRLF.
 */
export function csvParts(lines: Iterable<string>, linesPerPart = 10_000): string[] {
  const parts: string[] = [];
  let part: string[] = [];
  const endPart = () => {
    parts.push((parts.length > 0 ? '\r\n' : '') + part.join('\r\n'));
    part = [];
  };
  for (const line of lines) {
    part.push(line);
    if (part.length === linesPerPart) endPart();
  }
  if (part.length > 0) endPart();
  return parts;
}
