import { describe, expect, it } from 'vitest';
import type { OptOutEvent } from '@contract/opt-out.ts';
import type { PhoneNumberBroadcast } from '@contract/phone-number-broadcast.ts';
import { channelsText, describeEvent, outcomeOf } from './opt-out-display.ts';

const event = (changes: Partial<OptOutEvent>): OptOutEvent => ({
  EventID: 1,
  PhoneNumber: '2145551234',
  Action: 'OptOut',
  DoNotCall: true,
  DoNotText: true,
  Source: 'Manual',
  Notes: '',
  User: null,
  BroadcastID: null,
  EventDate: '2024-05-03 10:00:00-0500',
  ...changes,
});

const broadcast = (changes: Partial<PhoneNumberBroadcast>): PhoneNumberBroadcast => ({
  UriCallBroadcast: '/v1/broadcasts/7',
  PhoneNumber: '2145551234',
  FirstName: 'Jack',
  LastName: 'Black',
  Notes: null,
  IntegrationData: '',
  BroadcastID: 7,
  BroadcastName: 'Snow day',
  BroadcastType: 'SMS',
  BroadcastStatus: 'Complete',
  Channel: 'Text',
  StartDate: '2024-05-03 10:00:00-0500',
  ...changes,
});

describe('opt-out wording', () => {
  it('names the channels', () => {
    expect(channelsText(true, true)).toBe('calls and texts');
    expect(channelsText(true, false)).toBe('calls');
    expect(channelsText(false, true)).toBe('texts');
  });

  it('says who or what made each change', () => {
    expect(describeEvent(event({ Source: 'TextReply', Notes: 'Replied STOP' }))).toBe('Opted out of calls and texts: replied STOP');
    expect(describeEvent(event({ Source: 'Keypress', DoNotText: false }))).toBe('Opted out of calls: pressed the opt-out key on a call');
    const user = { Uri: '/v1/account/users/73313', UserID: 73313, FirstName: 'Leia', LastName: 'Organa' };
    expect(describeEvent(event({ Action: 'OptIn', DoNotCall: false, User: user, Notes: 'Called on 5/3' }))).toBe(
      'Opted back in to texts: lifted by Leia Organa: “Called on 5/3”',
    );
    expect(describeEvent(event({}))).toBe('Opted out of calls and texts: added by hand');
  });
});

describe('outcomeOf', () => {
  it('explains why a number was or was not reached', () => {
    expect(outcomeOf(broadcast({ TextResultCategory: 'Delivered', TextStatus: 'Completed' }))).toMatchObject({ reached: true });
    expect(outcomeOf(broadcast({ TextResultCategory: 'Opted Out', TextStatus: 'Completed' }))).toEqual({
      label: 'Skipped',
      reached: false,
      why: 'Skipped: the number had opted out of texts.',
    });
    expect(outcomeOf(broadcast({ Channel: 'Call', CallResultCategory: 'Busy/No Answer', NumberOfAttempts: 3 })).why).toBe(
      'Busy or nobody answered, after 3 attempts.',
    );
    expect(outcomeOf(broadcast({ TextResultCategory: '', TextStatus: 'Canceled' })).label).toBe('Canceled');
    expect(outcomeOf(broadcast({ TextResultCategory: '', TextStatus: 'Pending' }))).toMatchObject({ label: 'Waiting', reached: null });
  });
});
