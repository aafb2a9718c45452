import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvLine, csvLines } from './csv.ts';

describe('csv', () => {
  it('neutralizes every cell a spreadsheet would run as a formula', () => {
    const attacks = ["=cmd|' /C calc'!A0", '+SUM(1,2)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://x","y")'];
    for (const attack of attacks) {
      const cell = csvCell(attack);
      const [[read]] = Papa.parse<string[]>(cell).data as [[string]];
      expect(read).toBe(`'${attack}`);
    }
  });

  it('leaves ordinary text, numbers and empty cells alone, and quotes what must be quoted', () => {
    expect(csvLine(['Ann', 'Lee, Jr.', 'said "hi"', ' padded', 42, -5, true, null, undefined, ''])).toBe(
      'Ann,"Lee, Jr.","said ""hi"""," padded",42,-5,true,,,',
    );
    expect(csvCell('2145551234')).toBe('2145551234');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('keeps formulas as they are only when asked (a file the API reads as data)', () => {
    expect(csvCell('=1+1', { formulas: 'keep' })).toBe('=1+1');
    expect(csvCell('-Smith, Ann', { formulas: 'keep' })).toBe('"-Smith, Ann"');
  });

  it('writes lines ended with CRLF that papaparse reads back as written', () => {
    const rows = [
      ['a', 'b,c'],
      ['line\nbreak', '"q"'],
    ];
    expect(csvLines(rows)).toBe('a,"b,c"\r\n"line\nbreak","""q"""\r\n');
    const text = csvDocument(['One', 'Two'], rows);
    expect(Papa.parse<string[]>(text.trimEnd()).data).toEqual([['One', 'Two'], ...rows]);
  });
});
