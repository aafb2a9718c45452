import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLine, csvParts } from './csv-line.ts';

describe('csvLine', () => {
  const awkward = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ' leading', 'trailing ', '', '=SUM(A1)', 'Chloé'];

  it('reads back as the cells it was given', () => {
    const parsed = Papa.parse<string[]>([csvLine(awkward), csvLine(['x', 'y'])].join('\r\n')).data;
    expect(parsed).toEqual([awkward, ['x', 'y']]);
  });

  it('writes what papaparse writes', () => {
    expect(csvLine(awkward)).toBe(Papa.unparse([awkward]));
  });
});

describe('csvParts', () => {
  const linesUpTo = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}`);

  it.each([1, 2, 3, 4, 7])('joined, are the %i lines separated by CRLF, however they are split', (count) => {
    const lines = linesUpTo(count);
    const parts = csvParts(lines, 2);
    expect(parts.join('')).toBe(lines.join('\r\n'));
    expect(parts).toHaveLength(Math.ceil(count / 2));
  });

  it('makes no part of no lines', () => {
    expect(csvParts([], 2)).toEqual([]);
  });
});
