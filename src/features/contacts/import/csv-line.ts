import { csvLine as writeCsvLine } from '@contract/csv.ts';

/** The upload is data for the API, not a file a person opens: its cells go as typed, formulas too (decision 0124). */
const AS_DATA = { formulas: 'keep' } as const;

/**
 * One line of the file the import uploads, by the product's one CSV writer (papaparse's quoting, about twice as fast
 * as `Papa.unparse` for the million lines an import can build).
 */
export function csvLine(cells: readonly string[]): string {
  return writeCsvLine(cells, AS_DATA);
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
