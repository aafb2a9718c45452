import type { ColumnField } from '@contract/column-mapping.ts';

/** Messages between the import page and its CSV worker. The parsed rows stay in the worker. */
export type ParserRequest =
  | { type: 'parse'; source: File | string }
  /** Writes the rows as the file the API reads: our header, then one line per row (blank rows kept, for row numbers). */
  | { type: 'build'; mapping: Array<ColumnField | null>; hasHeader: boolean };

export type ParserResponse =
  | { type: 'progress'; rows: number; fraction: number }
  | { type: 'parsed'; rowCount: number; columnCount: number; firstRows: string[][] }
  | { type: 'built'; csv: Blob; rowCount: number }
  | { type: 'failed'; message: string };

/** Rows the mapping step shows and auto-detection samples. */
export const PREVIEW_ROWS = 50;
