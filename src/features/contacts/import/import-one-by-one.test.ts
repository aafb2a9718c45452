import { describe, expect, it } from 'vitest';
import type { ContactInput } from '@contract/contact.ts';
import { importOneByOne, planOneByOne } from './import-one-by-one.ts';

const built = [
  'First Name,Last Name,Phone Number,Secondary Phone,Tertiary Phone,Notes,Integration Data',
  'Ann,Lee,(214) 555-0100,,,,',
  'Bob,Ray,not a phone,,,,',
  '',
  'Cy,Dee,214-555-0100,,,,',
  'Di,Fox,2145550101,,,Allergy,',
  'Ed,Gil,2145550102,,,,',
].join('\n');

describe('the import without an import route', () => {
  it('checks the rows as the sandbox does: bad numbers and repeats are refused, blank lines are not rows', () => {
    const { review, contacts } = planOneByOne(built, 'file-1', 36);
    expect(review).toMatchObject({ TotalRows: 5, New: 3, Rejected: 2, AddedToList: 3, DryRun: true });
    expect(review.RejectedByReason).toEqual({ InvalidPhone: 1, DuplicateInFile: 1, TooLong: 0 });
    expect(review.ProblemRows.map((row) => [row.RowNumber, row.Reason])).toEqual([
      [3, 'InvalidPhone'],
      [5, 'DuplicateInFile'],
    ]);
    expect(contacts.map((contact) => contact.rowNumber)).toEqual([2, 6, 7]);
  });

  it('creates each good row with the documented create, and counts a number already there as unchanged', async () => {
    const plan = planOneByOne(built, 'file-1', 36);
    const created: ContactInput[] = [];
    const create = (input: ContactInput) => {
      if (input.PrimaryPhone === '2145550101') return Promise.reject(Object.assign(new Error('Duplicate'), { errorName: 'DuplicateContact' }));
      if (input.PrimaryPhone === '2145550102') return Promise.reject(new Error('The server had a problem (HTTP 500).'));
      created.push(input);
      return Promise.resolve({});
    };
    const progress: number[] = [];
    const result = await importOneByOne(plan, create, (done) => progress.push(done));
    expect(created).toEqual([
      { FirstName: 'Ann', LastName: 'Lee', PrimaryPhone: '2145550100', Notes: '', IntegrationData: '', Lists: [{ ListID: 36 }] },
    ]);
    expect(result).toMatchObject({ DryRun: false, New: 1, Unchanged: 1, Failed: 1, Rejected: 2, AddedToList: 1 });
    expect(result.ProblemRows.map((row) => [row.RowNumber, row.Reason])).toEqual([
      [3, 'InvalidPhone'],
      [5, 'DuplicateInFile'],
      [7, 'Failed'],
    ]);
    expect(progress.sort()).toEqual([1, 2, 3]);
  });
});
