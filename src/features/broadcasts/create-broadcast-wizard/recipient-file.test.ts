import { describe, expect, it } from 'vitest';
import type { ChoiceStore } from '@contract/column-mapping.ts';
import { describeLeftOut, peopleOfCsv, readRecipientFile, recipientFileCsv } from './recipient-file.ts';

const noMemory: ChoiceStore = { getItem: () => null, setItem: () => undefined };

/** The file from the issue: Phone and Name columns, 33 rows, one number that is not one. */
function schoolFile() {
  const lines = ['Phone,Name'];
  for (let index = 0; index < 33; index += 1) {
    lines.push(index === 16 ? '555-01,Broken Number' : `(214) 555-${String(1000 + index)},Parent ${index} Lincoln`);
  }
  // One parent without a name.
  lines[5] = '(214) 555-1004,';
  return lines.join('\n') + '\n';
}

describe('reading a recipients file', () => {
  it('matches columns as the import does and splits a single Name column', () => {
    const file = readRecipientFile(schoolFile(), noMemory);
    expect(file.columns).toEqual([
      { column: 'Phone', field: 'PrimaryPhone' },
      { column: 'Name', field: 'FullName' },
    ]);
    expect(file.people[0]).toMatchObject({ PrimaryPhone: '2145551000', FirstName: 'Parent', LastName: '0 Lincoln' });
  });

  it('counts the rows it leaves out, with their reasons and row numbers', () => {
    const file = readRecipientFile(schoolFile(), noMemory);
    expect(file.totalRows).toBe(33);
    expect(file.people).toHaveLength(32);
    expect(file.leftOut).toEqual({ InvalidPhone: 1, DuplicateInFile: 0, TooLong: 0 });
    expect(file.leftOutRows).toEqual([{ row: 18, reason: 'InvalidPhone', message: expect.stringContaining('"555-01"') }]);
    expect(describeLeftOut(file.leftOut)).toBe('1 row left out: 1 invalid phone number');
  });

  it('leaves out a number repeated in the file, naming the row it repeats', () => {
    const file = readRecipientFile('Cell,First Name\n2145550100,Ada\n\n214-555-0100,Grace\n', noMemory);
    expect(file.totalRows).toBe(2);
    expect(file.leftOutRows).toEqual([{ row: 4, reason: 'DuplicateInFile', message: 'Same phone number as row 2' }]);
    expect(describeLeftOut({ InvalidPhone: 2, DuplicateInFile: 1, TooLong: 0 })).toBe('3 rows left out: 2 invalid phone numbers, 1 repeated number');
  });

  it('reads a file without a header by its content', () => {
    const file = readRecipientFile('2145550100,Ada\n2145550101,Grace\n', noMemory);
    expect(file.people.map((person) => person.PrimaryPhone)).toEqual(['2145550100', '2145550101']);
  });

  it('refuses a file without a phone column or without rows', () => {
    expect(() => readRecipientFile('Name,Notes\nAda,x\n', noMemory)).toThrow(/No column of this file holds phone numbers/);
    expect(() => readRecipientFile('Phone\n\n', noMemory)).toThrow(/no rows/);
  });

  it('uploads the kept people under the production header, and reads them back from that file', () => {
    const { people } = readRecipientFile('Phone,Name\n2145550100,"Lovelace, Ada"\n', noMemory);
    expect(recipientFileCsv(people)).toBe(
      'First Name,Last Name,Phone Number,Secondary Phone,Tertiary Phone,Notes,Integration Data\r\nAda,Lovelace,2145550100,,,,',
    );
    expect(peopleOfCsv(recipientFileCsv(people))).toEqual(people);
  });
});
