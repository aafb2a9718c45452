/**
 * One line of the bench's table: our value, the peer's from the same run, their ratio and the budget. Values are
 * kept raw for results.json and formatted for the table.
 */
export interface Figure {
  area: string;
  name: string;
  ours: string;
  peer: string;
  ratio: string;
  budget: string;
  /** null: reported, not budgeted. */
  pass: boolean | null;
  raw: Record<string, unknown>;
}

export type FigureInput = Omit<Figure, 'peer' | 'ratio' | 'budget' | 'pass' | 'raw'> &
  Partial<Pick<Figure, 'peer' | 'ratio' | 'budget' | 'raw'>> & { pass?: boolean | null };

export function figure(input: FigureInput): Figure {
  return { peer: '', ratio: '', budget: '', pass: null, raw: {}, ...input };
}

/** A figure for a part of the bench that could not run, so the table says why instead of going quiet. */
export function failedFigure(area: string, name: string, error: unknown): Figure {
  const message = error instanceof Error ? error.message : String(error);
  return figure({ area, name, ours: `failed: ${message.split('\n')[0]!.slice(0, 90)}`, budget: 'runs', pass: false });
}

export const ms = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(digits)} ms`;
export const num = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '—'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const times = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value >= 100 ? `${num(value)}×` : `${value.toFixed(value >= 10 ? 1 : 2)}×`;

const COLUMNS = [
  ['Area', 'area'],
  ['Figure', 'name'],
  ['Ours', 'ours'],
  ['Peer (same run)', 'peer'],
  ['Ratio', 'ratio'],
  ['Budget', 'budget'],
] as const;

const verdict = (pass: boolean | null) => (pass === null ? '' : pass ? 'ok' : 'MISSED');

/** The table as text, one row a figure, for the terminal. */
export function textTable(figures: readonly Figure[]): string {
  const rows = figures.map((item) => [...COLUMNS.map(([, key]) => item[key]), verdict(item.pass)]);
  const header = [...COLUMNS.map(([title]) => title), ''];
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The same table in Markdown (docs/performance.md's tables are written from results.json by scripts/performance-doc.mjs). */
export function markdownTable(figures: readonly Figure[]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const header = `| ${[...COLUMNS.map(([title]) => title), ''].join(' | ')} |`;
  const rule = `|${[...COLUMNS, ['']].map(() => '---').join('|')}|`;
  const rows = figures.map((item) => `| ${[...COLUMNS.map(([, key]) => escape(item[key])), verdict(item.pass)].join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}
