import { beforeEach, describe, expect, it } from 'vitest';
import { columnNameOf, initialMapping, rememberMapping, splitFullName, valuesOfRow, type ChoiceStore } from './column-mapping.ts';

/** A store like the browser's localStorage. */
function memoryStore(): ChoiceStore & { clear: () => void } {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), clear: () => items.clear() };
}
const store = memoryStore();

describe('column mapping', () => {
  beforeEach(() => store.clear());

  it('starts from the auto-detected fields', () => {
    expect(initialMapping(['First Name', 'Cell #', 'Remarks', 'Shoe size'], [], store)).toEqual(['FirstName', 'PrimaryPhone', 'Notes', null]);
  });

  it('remembers what the user chose for a header, by name without case or punctuation', () => {
    rememberMapping(['Shoe size', 'Cell #', 'Remarks'], ['IntegrationData', 'PrimaryPhone', null], store);
    expect(initialMapping(['SHOE-SIZE', 'cell', 'Remarks', 'Last'], [], store)).toEqual(['IntegrationData', 'PrimaryPhone', null, 'LastName']);
  });

  it('never gives one field to two columns', () => {
    rememberMapping(['Mobile'], ['SecondaryPhone'], store);
    expect(initialMapping(['Phone 2', 'Mobile'], [], store)).toEqual(['SecondaryPhone', null]);
  });

  it('ignores a damaged memory', () => {
    store.setItem('callboard.import.mapping', '{"phone": "Nonsense", "mobile": 3');
    expect(initialMapping(['Mobile'], [], store)).toEqual(['PrimaryPhone']);
    store.setItem('callboard.import.mapping', '{"mobile": "Nonsense"}');
    expect(initialMapping(['Mobile'], [], store)).toEqual(['PrimaryPhone']);
  });

  it('names columns by their header, or by position without one', () => {
    expect(columnNameOf([['Name', ' ']], true, 0)).toBe('Name');
    expect(columnNameOf([['Name', ' ']], true, 1)).toBe('Column 2');
    expect(columnNameOf([['Ada', '2145551234']], false, 0)).toBe('Column 1');
  });

  it('reads a single Name column as the full name, only when no column holds first or last names', () => {
    expect(initialMapping(['Phone', 'Name'], [], store)).toEqual(['PrimaryPhone', 'FullName']);
    expect(initialMapping(['Full Name', 'Cell'], [], store)).toEqual(['FullName', 'PrimaryPhone']);
    expect(initialMapping(['Name', 'First Name', 'Phone'], [], store)).toEqual([null, 'FirstName', 'PrimaryPhone']);
  });

  it('remembers a full-name choice like any other', () => {
    rememberMapping(['Kid'], ['FullName'], store);
    expect(initialMapping(['Kid', 'Phone'], [], store)).toEqual(['FullName', 'PrimaryPhone']);
  });
});

describe('full names', () => {
  it('splits the first word from the rest, or "Last, First"', () => {
    expect(splitFullName('  Ada   King Lovelace ')).toEqual({ FirstName: 'Ada', LastName: 'King Lovelace' });
    expect(splitFullName('Lovelace, Ada')).toEqual({ FirstName: 'Ada', LastName: 'Lovelace' });
    expect(splitFullName('Cher')).toEqual({ FirstName: 'Cher', LastName: '' });
    expect(splitFullName('')).toEqual({ FirstName: '', LastName: '' });
  });

  it('fills first and last names of a row from its full name, never over a first-name column', () => {
    expect(valuesOfRow(['2145550143', 'Grace Hopper'], ['PrimaryPhone', 'FullName'])).toMatchObject({
      PrimaryPhone: '2145550143',
      FirstName: 'Grace',
      LastName: 'Hopper',
    });
    expect(valuesOfRow(['Amazing Grace', 'Gracie'], ['FullName', 'FirstName'])).toMatchObject({ FirstName: 'Gracie', LastName: 'Grace' });
  });
});
