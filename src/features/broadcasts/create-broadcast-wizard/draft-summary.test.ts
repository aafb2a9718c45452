import { describe, expect, it } from 'vitest';
import { newDraft } from './broadcast-draft.ts';
import { draftChangedWhen, draftName, draftRecipients, draftTypeWords } from './draft-summary.ts';
import { testUser as user } from './test-user.ts';

describe('a draft as the Drafts tab describes it', () => {
  it('is named, or untitled until it is', () => {
    const draft = newDraft(user);
    expect(draftName(draft)).toBe('Untitled broadcast');
    expect(draftName({ ...draft, type: { ...draft.type, name: ' Snow day ' } })).toBe('Snow day');
  });

  it('says its type in the user’s words', () => {
    const draft = newDraft(user);
    expect(draftTypeWords({ ...draft, type: { ...draft.type, channel: 'text' } })).toBe('A text message');
  });

  it('names up to two lists, then counts them, with the other recipients', () => {
    const draft = newDraft(user);
    expect(draftRecipients(draft)).toBe('No recipients yet');
    const recipients = {
      ...draft.recipients,
      lists: [
        { id: 1, name: 'Parents', count: 10 },
        { id: 2, name: 'Staff', count: 3 },
      ],
      contacts: [{ personId: 4, name: 'Ann Lee', phone: '2145550100' }],
      pasted: '2145550143\n972-555-0187\nnot a number',
    };
    expect(draftRecipients({ ...draft, recipients })).toBe('Parents, Staff, 1 contact and 2 numbers');
    const three = { ...recipients, lists: [...recipients.lists, { id: 3, name: 'Bus 12', count: 4 }], contacts: [], pasted: '' };
    expect(draftRecipients({ ...draft, recipients: three })).toBe('3 lists');
    const carried = {
      ...draft.recipients,
      carried: { label: 'Snow day (busy)', people: [{ FirstName: '', LastName: '', PrimaryPhone: '2145550143', Notes: '', IntegrationData: '' }] },
    };
    expect(draftRecipients({ ...draft, recipients: carried })).toBe('1 person from Snow day (busy)');
  });

  it('says when it last changed by this device’s clock', () => {
    // Noon on this machine's clock: a month back is Nov 7 in every time zone (the date is shown in the browser's).
    const now = new Date(2026, 11, 7, 12, 0).getTime();
    expect(draftChangedWhen(now - 10_000, now)).toBe('just now');
    expect(draftChangedWhen(now - 12 * 60_000, now)).toBe('12 minutes ago');
    expect(draftChangedWhen(now - 3 * 3600_000, now)).toBe('3 hours ago');
    expect(draftChangedWhen(now - 26 * 3600_000, now)).toBe('yesterday');
    expect(draftChangedWhen(now - 30 * 86400_000, now)).toMatch(/^Nov 7, 2026/);
  });
});
