import { describe, expect, it } from 'vitest';
import type { Contact, ContactInput, ContactUpdateInput } from '@contract/contact.ts';
import { importOneByOne, planOneByOne } from './import-one-by-one.ts';
import { listSentence } from './import-wording.ts';

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
    const result = await importOneByOne(plan, { create }, (done) => progress.push(done));
    expect(created).toEqual([{ FirstName: 'Ann', LastName: 'Lee', PrimaryPhone: '2145550100', Notes: '', IntegrationData: '', Lists: [{ ListID: 36 }] }]);
    expect(result).toMatchObject({ DryRun: false, New: 1, Unchanged: 1, Failed: 1, Rejected: 2, AddedToList: 1 });
    expect(result.ProblemRows.map((row) => [row.RowNumber, row.Reason])).toEqual([
      [3, 'InvalidPhone'],
      [5, 'DuplicateInFile'],
      [7, 'Failed'],
    ]);
    expect(progress.sort()).toEqual([1, 2, 3]);
  });

  it('fills in a contact that already has the number, replacing its values or keeping them as the user chose', async () => {
    const plan = planOneByOne(built, 'file-1', null);
    const dee = { PersonID: 7, FirstName: 'Dee', LastName: 'Old', PrimaryPhone: '2145550101', Notes: '' } as Contact;
    const requests = (updated: Array<[number, ContactUpdateInput]>) => ({
      create: (input: ContactInput) =>
        input.PrimaryPhone === '2145550101' ? Promise.reject(Object.assign(new Error('Duplicate'), { errorName: 'DuplicateContact' })) : Promise.resolve({}),
      findByPhone: (phone: string) => Promise.resolve(phone === dee.PrimaryPhone ? dee : undefined),
      update: (personId: number, input: ContactUpdateInput) => {
        updated.push([personId, input]);
        return Promise.resolve({});
      },
    });

    const replaced: Array<[number, ContactUpdateInput]> = [];
    const replacing = await importOneByOne(plan, requests(replaced), () => {}, false);
    expect(replaced).toEqual([[7, { FirstName: 'Di', LastName: 'Fox', Notes: 'Allergy' }]]);
    expect(replacing).toMatchObject({ New: 2, Updated: 1, Unchanged: 0, Conflicts: 1, KeepExistingValues: false });
    expect(replacing.UpdatedContacts).toEqual([
      {
        RowNumber: 6,
        PersonID: 7,
        PrimaryPhone: '2145550101',
        Name: 'Dee Old',
        Changes: [
          { Field: 'FirstName', Before: 'Dee', After: 'Di' },
          { Field: 'LastName', Before: 'Old', After: 'Fox' },
          { Field: 'Notes', Before: '', After: 'Allergy' },
        ],
      },
    ]);

    const kept: Array<[number, ContactUpdateInput]> = [];
    const keeping = await importOneByOne(plan, requests(kept), () => {}, true);
    expect(kept).toEqual([[7, { Notes: 'Allergy' }]]);
    expect(keeping).toMatchObject({ Updated: 1, Conflicts: 1, KeepExistingValues: true });

    // Without the update route the contact is left as it is, whether that is known before or learnt on the way.
    const { update: _update, ...withoutUpdate } = requests([]);
    expect(await importOneByOne(plan, withoutUpdate, () => {})).toMatchObject({ Updated: 0, Unchanged: 1, UpdatedContacts: [] });
    const notOffered = { ...withoutUpdate, update: () => Promise.resolve(false) };
    expect(await importOneByOne(plan, notOffered, () => {})).toMatchObject({ Updated: 0, Unchanged: 1, Failed: 0, UpdatedContacts: [] });
  });

  it('adds the contacts that already had a number to the target list, in one request, or counts them as left out', async () => {
    const plan = planOneByOne(built, 'file-1', 36);
    const dee = { PersonID: 7, FirstName: 'Di', LastName: 'Fox', PrimaryPhone: '2145550101', Notes: 'Allergy' } as Contact;
    const base = {
      create: (input: ContactInput) =>
        input.PrimaryPhone === '2145550101' ? Promise.reject(Object.assign(new Error('Duplicate'), { errorName: 'DuplicateContact' })) : Promise.resolve({}),
      findByPhone: (phone: string) => Promise.resolve(phone === dee.PrimaryPhone ? dee : undefined),
    };
    const added: Array<[number, number[]]> = [];
    const addToList = (listId: number, personIds: number[]) => {
      added.push([listId, personIds]);
      return Promise.resolve(true);
    };
    expect(await importOneByOne(plan, { ...base, addToList }, () => {})).toMatchObject({ New: 2, Unchanged: 1, AddedToList: 3 });
    expect(added).toEqual([[36, [7]]]);

    const leftOut = await importOneByOne(plan, { ...base, addToList: () => Promise.resolve(false) }, () => {});
    expect(leftOut).toMatchObject({ New: 2, AddedToList: 2, ExistingNotAddedToList: 1 });
    expect(listSentence(leftOut, 'Staff', true, 'Adding contacts to a list is not offered by this API.')).toBe(
      '2 contacts joined Staff. 1 contact you already had could not join it. Adding contacts to a list is not offered by this API.',
    );
    expect((await importOneByOne(plan, base, () => {})).ExistingNotAddedToList).toBe(1);
  });
});
