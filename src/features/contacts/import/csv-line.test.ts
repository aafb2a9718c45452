import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLine } from './csv-line.ts';

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
