import { describe, expect, it } from 'vitest';
import type { Broadcast } from '@contract/broadcast.ts';
import { newDraft, type BroadcastDraft } from './broadcast-draft.ts';
import {
  countsForGuard,
  isMostlyTheSame,
  knownAudienceOf,
  likenessOf,
  normalizeText,
  outgoingMessageOf,
  overlapOf,
  reachedBy,
  senderOf,
  similarRecentBroadcasts,
  textSimilarity,
  windowStartDay,
  type OutgoingMessage,
} from './double-send-rules.ts';
import { recipientFileCsv } from './recipient-file.ts';
import { testUser } from './test-user.ts';

// 2026-12-07 12:00 in Texas (UTC-6).
const NOW = Date.parse('2026-12-07T18:00:00Z');

function broadcast(overrides: Partial<Broadcast> & { BroadcastID: number }): Broadcast {
  return {
    Uri: `/v1/broadcasts/${overrides.BroadcastID}`,
    UriBroadcastDetails: `/v1/broadcasts/${overrides.BroadcastID}/details`,
    BroadcastName: 'Snow day closure',
    BroadcastType: 'SMS',
    BroadcastStatus: 'Complete',
    CreatedDate: '2026-12-07 09:00:00-0600',
    StartDate: '2026-12-07 09:00:00-0600',
    CreditsUsed: 1,
    PhoneNumberCount: 2,
    TotalCompleted: 2,
    TextMessage: 'All schools are closed today because of snow.',
    ...overrides,
  };
}

const outgoing = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  name: 'Snow day closure',
  text: 'All schools are closed today because of snow.',
  audioId: null,
  ...overrides,
});

describe('similarity', () => {
  it('reads case, accents, punctuation and spacing as the same text', () => {
    expect(normalizeText('  Snow-day   CLOSURE! Café ')).toBe('snow day closure cafe');
    expect(textSimilarity('Snow day closure', 'snow-day closure!')).toBe(1);
  });

  it('keeps a text with a changed word or two similar, and a different one not', () => {
    expect(textSimilarity('All schools are closed today because of snow.', 'All schools are closed tomorrow because of snow.')).toBeGreaterThanOrEqual(0.8);
    expect(textSimilarity('Snow day closure', 'Snow day closures')).toBeGreaterThanOrEqual(0.8);
    expect(textSimilarity('Snow day closure', 'Picture day')).toBeLessThan(0.8);
    expect(textSimilarity('Pick-up is at 3:15 today.', 'The spring concert starts tonight at 7 in the gym.')).toBeLessThan(0.8);
  });

  it('never finds an empty text like another', () => {
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('...', 'Snow')).toBe(0);
  });

  it('says whether the name, the message or both are alike', () => {
    expect(likenessOf(outgoing(), broadcast({ BroadcastID: 1 }))).toBe('both');
    expect(likenessOf(outgoing({ text: 'Buses run late today.' }), broadcast({ BroadcastID: 1 }))).toBe('name');
    expect(likenessOf(outgoing({ name: 'Closed today' }), broadcast({ BroadcastID: 1 }))).toBe('message');
    expect(likenessOf(outgoing({ name: 'Late buses', text: 'Buses run late today.' }), broadcast({ BroadcastID: 1 }))).toBeNull();
  });

  it('takes the same library recording as the same message of a call', () => {
    const call = broadcast({ BroadcastID: 2, BroadcastType: 'Announcement', BroadcastName: 'Closing', TextMessage: undefined, Audio: { AudioID: 'c41a5f' } });
    expect(likenessOf(outgoing({ name: 'Weather', text: null, audioId: 'c41a5f' }), call)).toBe('message');
    expect(likenessOf(outgoing({ name: 'Weather', text: null, audioId: 'c41a12' }), call)).toBeNull();
  });
});

describe('the 24-hour window', () => {
  it('counts what started in the last 24 hours and what is still to start', () => {
    expect(countsForGuard(broadcast({ BroadcastID: 1, StartDate: '2026-12-06 12:01:00-0600' }), NOW)).toBe(true);
    expect(countsForGuard(broadcast({ BroadcastID: 1, StartDate: '2026-12-06 11:59:00-0600' }), NOW)).toBe(false);
    expect(countsForGuard(broadcast({ BroadcastID: 1, StartDate: '2026-12-10 08:00:00-0600', BroadcastStatus: 'AuthorizationApproved' }), NOW)).toBe(true);
  });

  it('leaves out canceled broadcasts (an undone send among them), but not paused or expired ones', () => {
    expect(countsForGuard(broadcast({ BroadcastID: 1, BroadcastStatus: 'Canceled' }), NOW)).toBe(false);
    expect(countsForGuard(broadcast({ BroadcastID: 1, BroadcastStatus: 'Paused' }), NOW)).toBe(true);
    expect(countsForGuard(broadcast({ BroadcastID: 1, BroadcastStatus: 'Expired' }), NOW)).toBe(true);
  });

  it('queries from the day 24 hours ago began, in the user’s zone', () => {
    expect(windowStartDay(NOW, 'America/Chicago')).toBe('2026-12-06');
    expect(windowStartDay(Date.parse('2026-12-07T03:00:00Z'), 'America/Chicago')).toBe('2026-12-05');
  });
});

describe('which broadcasts count', () => {
  it('keeps look-alikes in the window, latest first, and one half of a combo', () => {
    const found = similarRecentBroadcasts(
      outgoing(),
      [
        broadcast({ BroadcastID: 1, StartDate: '2026-12-07 08:00:00-0600' }),
        broadcast({ BroadcastID: 2, StartDate: '2026-12-07 10:00:00-0600', BroadcastType: 'SMSAndAnnouncement', CallBroadcastID: 3, TextBroadcastID: 2 }),
        broadcast({ BroadcastID: 3, StartDate: '2026-12-07 10:00:00-0600', BroadcastType: 'SMSAndAnnouncement', CallBroadcastID: 3, TextBroadcastID: 2 }),
        broadcast({ BroadcastID: 4, BroadcastName: 'Lunch balances', TextMessage: 'Check your lunch balance.' }),
        broadcast({ BroadcastID: 5, StartDate: '2026-12-05 08:00:00-0600' }),
        broadcast({ BroadcastID: 6, BroadcastStatus: 'Canceled' }),
      ],
      NOW,
    );
    expect(found.map((match) => [match.id, match.halves])).toEqual([
      [2, [3]],
      [1, []],
    ]);
  });
});

describe('audience overlap', () => {
  it('is "most" when at least half of the new broadcast’s numbers got the earlier one', () => {
    const ours = new Set(['2145550101', '2145550102', '2145550103', '2145550104']);
    expect(overlapOf(ours, ['2145550101', '2145550102', '2145550102', '9725550100'])).toEqual({ shared: 2, ours: 4 });
    expect(isMostlyTheSame({ shared: 2, ours: 4 })).toBe(true);
    expect(isMostlyTheSame({ shared: 1, ours: 4 })).toBe(false);
    expect(isMostlyTheSame({ shared: 0, ours: 0 })).toBe(false);
  });

  it('counts the numbers an earlier broadcast reached or may still reach, not those it failed to reach', () => {
    expect(reachedBy({ CallResultCategory: 'Live Answer', CallStatus: 'Completed' })).toBe(true);
    expect(reachedBy({ CallResultCategory: 'Answering Machine', CallStatus: 'Completed' })).toBe(true);
    expect(reachedBy({ CallResultCategory: '', CallStatus: 'Pending' })).toBe(true);
    expect(reachedBy({ CallResultCategory: 'Busy/No Answer', CallStatus: 'Retry Pending' })).toBe(true);
    expect(reachedBy({ CallResultCategory: 'Busy/No Answer', CallStatus: 'Completed' })).toBe(false);
    expect(reachedBy({ CallResultCategory: 'Invalid Number', CallStatus: 'Completed' })).toBe(false);
    expect(reachedBy({ CallResultCategory: '', CallStatus: 'Canceled' })).toBe(false);
    expect(reachedBy({ TextResultCategory: 'Delivered', TextStatus: 'Completed' })).toBe(true);
    expect(reachedBy({ TextResultCategory: 'Sent', TextStatus: 'Completed' })).toBe(true);
    expect(reachedBy({ TextResultCategory: '', TextStatus: 'Pending' })).toBe(true);
    expect(reachedBy({ TextResultCategory: 'Not Delivered', TextStatus: 'Completed' })).toBe(false);
    expect(reachedBy({ TextResultCategory: 'Opted Out', TextStatus: 'Completed' })).toBe(false);
    expect(reachedBy({ TextResultCategory: '', TextStatus: 'Expired' })).toBe(false);
  });

  it('reads a test to one person inside a large send as no repeat of the large one', () => {
    // The test reached one of our 300 people: not most of them.
    const ours = new Set(Array.from({ length: 300 }, (_, index) => `2145550${String(index).padStart(3, '0')}`));
    expect(isMostlyTheSame(overlapOf(ours, ['2145550000']))).toBe(false);
  });

  it('knows the numbers the draft holds and the lists to read, without the excluded ones', () => {
    const draft: BroadcastDraft = newDraft(testUser, NOW);
    draft.recipients = {
      ...draft.recipients,
      lists: [{ id: 7, name: 'Staff', count: 40 }],
      contacts: [{ personId: 1, name: 'Ann Lee', phone: '(214) 555-0101' }],
      pasted: '214-555-0102\n2145550102',
      files: [
        {
          fileId: 'f1',
          name: 'a.csv',
          rows: 1,
          csv: recipientFileCsv([
            { FirstName: 'B', LastName: 'C', PrimaryPhone: '2145550103', SecondaryPhone: '2145550104', TertiaryPhone: '', Notes: '', IntegrationData: '' },
          ]),
        },
        { fileId: 'f2', name: 'big.csv', rows: 12000 },
      ],
      excluded: [{ name: 'Ann Lee', phone: '214.555.0101' }],
    };
    const audience = knownAudienceOf(draft);
    expect([...audience.numbers].sort()).toEqual(['2145550101', '2145550102', '2145550103']);
    expect(audience.listIds).toEqual([7]);
    expect(audience.unread).toBe(12000);
    expect([...audience.excluded]).toEqual(['2145550101']);
    expect(knownAudienceOf({ ...draft, recipients: { ...draft.recipients, primaryOnly: false } }).numbers.has('2145550104')).toBe(true);
  });
});

describe('the outgoing message and its sender', () => {
  it('compares the text of a text broadcast and the library recording of a call', () => {
    const draft = newDraft(testUser, NOW);
    draft.type = { ...draft.type, name: ' Snow day ', channel: 'text' };
    draft.message = { ...draft.message, textMessage: ' Closed today ', audio: { source: 'library', audioId: 'x', name: 'X' } };
    expect(outgoingMessageOf(draft)).toEqual({ name: 'Snow day', text: 'Closed today', audioId: null });
    draft.type = { ...draft.type, channel: 'voice' };
    expect(outgoingMessageOf(draft)).toEqual({ name: 'Snow day', text: null, audioId: 'x' });
  });

  it('names the sender as "you", by name, by user name, or by number', () => {
    expect(senderOf({ UserID: 1, FirstName: 'Leia' }, 1)).toBe('you');
    expect(senderOf({ UserID: 2, FirstName: 'Leia', LastName: 'Organa' }, 1)).toBe('Leia Organa');
    expect(senderOf({ UserID: 2, FirstName: null, LastName: null, UserName: 'leia@cea' }, 1)).toBe('leia@cea');
    expect(senderOf({ UserID: 2 }, 1)).toBe('user 2');
    expect(senderOf(undefined, 1)).toBe('someone on the account');
  });
});
