import { describe, expect, it, vi } from 'vitest';

vi.mock('@/api/resources/contacts/contact-requests.ts', () => ({
  // One list page: a member whose second number is marked do-not-call.
  async *walkContacts() {
    yield {
      items: [
        {
          FirstName: 'Ada',
          LastName: 'L',
          PrimaryPhone: '2145550101',
          SecondaryPhone: '2125550101',
          DoNotCallSecondaryPhone: true,
          TertiaryPhone: '',
          Notes: 'n',
        },
      ],
      total: 1,
      received: 1,
    };
  },
}));
import { newDraft, type BroadcastDraft } from './broadcast-draft.ts';
import { recipientFileCsv } from './recipient-file.ts';
import { testUser } from './test-user.ts';
import { canSplit, peopleOfDraft } from './zone-split-people.ts';

const file = (csv: string | undefined): BroadcastDraft['recipients']['files'][number] => ({
  fileId: 'f1',
  name: 'people.csv',
  rows: 1,
  ...(csv === undefined ? {} : { csv }),
});
const blank = { FirstName: '', LastName: '', Notes: '', IntegrationData: '' };

describe('everyone a split sends to', () => {
  const draft = newDraft(testUser);

  it('takes each number once, the first source naming it giving its name, and leaves out the excluded', async () => {
    const recipients: BroadcastDraft['recipients'] = {
      ...draft.recipients,
      contacts: [{ personId: 1, name: 'Ada Lovelace', phone: '(214) 555-0102' }],
      pasted: '2145550102, 2125550101, 3125550100',
      excluded: [{ name: 'Grace', phone: '312-555-0100' }],
    };
    const people = await peopleOfDraft({ ...draft, recipients }, new AbortController().signal, () => undefined);
    expect(people).toEqual([
      { ...blank, FirstName: 'Ada', LastName: 'Lovelace', PrimaryPhone: '2145550102' },
      { ...blank, PrimaryPhone: '2125550101' },
    ]);
  });

  it("reaches a file's other numbers as entries of their own unless only primary numbers are called", async () => {
    const csv = recipientFileCsv([{ ...blank, FirstName: 'Alan', PrimaryPhone: '2145550199', SecondaryPhone: '8085550199', TertiaryPhone: '' }]);
    const all = await peopleOfDraft(
      { ...draft, recipients: { ...draft.recipients, files: [file(csv)], primaryOnly: false } },
      new AbortController().signal,
      () => undefined,
    );
    expect(all.map((person) => [person.FirstName, person.PrimaryPhone])).toEqual([
      ['Alan', '2145550199'],
      ['Alan', '8085550199'],
    ]);
    const primary = await peopleOfDraft(
      { ...draft, recipients: { ...draft.recipients, files: [file(csv)], primaryOnly: true } },
      new AbortController().signal,
      () => undefined,
    );
    expect(primary.map((person) => person.PrimaryPhone)).toEqual(['2145550199']);
  });

  it('cannot be split when a large file’s rows are not kept in the draft', () => {
    expect(canSplit({ ...draft, recipients: { ...draft.recipients, files: [file(undefined)] } })).toBe(false);
    expect(canSplit({ ...draft, recipients: { ...draft.recipients, files: [file('First Name\n')] } })).toBe(true);
  });

  it("reads a list's members, and leaves out a number marked do-not-call when the broadcast calls", async () => {
    const withList = { ...draft, recipients: { ...draft.recipients, lists: [{ id: 3, name: 'Parents', count: 1 }], primaryOnly: false } };
    const read: number[] = [];
    const calls = await peopleOfDraft(withList, new AbortController().signal, (count) => read.push(count));
    expect(calls.map((person) => [person.FirstName, person.PrimaryPhone, person.Notes])).toEqual([['Ada', '2145550101', 'n']]);
    expect(read).toEqual([1]);
    const texts = await peopleOfDraft({ ...withList, type: { ...withList.type, channel: 'text' } }, new AbortController().signal, () => undefined);
    expect(texts.map((person) => person.PrimaryPhone)).toEqual(['2145550101', '2125550101']);
  });
});
