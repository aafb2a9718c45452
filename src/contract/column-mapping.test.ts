import { beforeEach, describe, expect, it } from 'vitest';
import { columnNameOf, initialMapping, rememberMapping } from './column-mapping.ts';

describe('column mapping', () => {
  beforeEach(() => localStorage.clear());

  it('starts from the auto-detected fields', () => {
    expect(initialMapping(['First Name', 'Cell #', 'Remarks', 'Shoe size'], [])).toEqual(['FirstName', 'PrimaryPhone', 'Notes', null]);
  });

  it('remembers what the user chose for a header, by name without case or punctuation', () => {
    rememberMapping(['Shoe size', 'Cell #', 'Remarks'], ['IntegrationData', 'PrimaryPhone', null]);
    expect(initialMapping(['SHOE-SIZE', 'cell', 'Remarks', 'Last'], [])).toEqual(['IntegrationData', 'PrimaryPhone', null, 'LastName']);
  });

  it('never gives one field to two columns', () => {
    rememberMapping(['Mobile'], ['SecondaryPhone']);
    expect(initialMapping(['Phone 2', 'Mobile'], [])).toEqual(['SecondaryPhone', null]);
  });

  it('ignores a damaged memory', () => {
    localStorage.setItem('callboard.import.mapping', '{"phone": "Nonsense", "mobile": 3');
    expect(initialMapping(['Mobile'], [])).toEqual(['PrimaryPhone']);
    localStorage.setItem('callboard.import.mapping', '{"mobile": "Nonsense"}');
    expect(initialMapping(['Mobile'], [])).toEqual(['PrimaryPhone']);
  });

  it('names columns by their header, or by position without one', () => {
    expect(columnNameOf([['Name', ' ']], true, 0)).toBe('Name');
    expect(columnNameOf([['Name', ' ']], true, 1)).toBe('Column 2');
    expect(columnNameOf([['Ada', '2145551234']], false, 0)).toBe('Column 1');
  });
});
