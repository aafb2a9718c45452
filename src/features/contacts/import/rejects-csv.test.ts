import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ImportProblemRow } from '@/api/schemas/contact-import.ts';
import { rejectsCsv } from './rejects-csv.ts';

const row: ImportProblemRow = {
  RowNumber: 3,
  Reason: 'InvalidPhone',
  Message: 'Phone number "555-1234": Not a valid US phone number',
  FirstName: 'Bad, Jr.',
  LastName: 'Number',
  PrimaryPhone: '555-1234',
  SecondaryPhone: '',
  TertiaryPhone: '',
  Notes: '',
  IntegrationData: 'X-1',
};

describe('rejectsCsv', () => {
  it('writes each refused row with its row in the user’s file, the reason and the values', () => {
    const parsed = Papa.parse<string[]>(rejectsCsv([row], 0), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ['Row', 'Reason', 'Problem', 'First Name', 'Last Name', 'Phone Number', 'Secondary Phone', 'Tertiary Phone', 'Notes', 'Integration Data'],
      ['3', 'Invalid phone number', 'Phone number "555-1234": Not a valid US phone number', 'Bad, Jr.', 'Number', '555-1234', '', '', '', 'X-1'],
    ]);
  });

  it('counts rows of a file without a header from its first line', () => {
    const parsed = Papa.parse<string[]>(rejectsCsv([row], -1), { skipEmptyLines: true }).data;
    expect(parsed[1]?.[0]).toBe('2');
  });
});
