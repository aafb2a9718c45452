import { describe, expect, it } from 'vitest';
import type { Broadcast } from '@contract/broadcast.ts';
import {
  channelOf,
  completedPercent,
  isCombo,
  liveRefreshInterval,
  resultGroupsOf,
  surveyAnswerText,
  surveyKeysOf,
  surveyLabelsOf,
} from './broadcast-display.ts';

const base: Broadcast = {
  Uri: '/v1/broadcasts/39609',
  UriBroadcastDetails: '/v1/broadcasts/39609/details',
  BroadcastID: 39609,
  BroadcastName: 'Test',
  BroadcastType: 'Announcement',
  BroadcastStatus: 'InProgress',
  CreatedDate: '2017-05-25 17:54:12-0500',
  StartDate: '2017-05-25 17:54:11-0500',
  CallerID: '5052053399',
  CreditsUsed: 4,
  PhoneNumberCount: 10,
  TotalCompleted: 6,
  LivePersonTotal: 3,
  AnsweringMachineTotal: 1,
  BusyNoAnswerTotal: 2,
  InvalidNumberTotal: 1,
  CallBroadcastID: 0,
  TextBroadcastID: 0,
};

describe('broadcast display helpers', () => {
  it('says what each survey key means, and only the key when the API did not say', () => {
    const survey = {
      ...base,
      BroadcastType: 'Survey' as const,
      Survey: {
        Question: 'Attending Thursday?',
        Options: [
          { Key: '1', Label: 'Yes' },
          { Key: '2', Label: ' No ' },
          { Key: '3', Label: null },
        ],
      },
    };
    const labels = surveyLabelsOf(survey);
    expect(surveyAnswerText('1', labels)).toBe('Yes (pressed 1)');
    expect(surveyAnswerText('2', labels)).toBe('No (pressed 2)');
    expect(surveyAnswerText('3', labels)).toBe('Pressed 3');
    expect(surveyAnswerText('1', surveyLabelsOf(base))).toBe('Pressed 1');
    expect(surveyAnswerText('1', surveyLabelsOf({ Survey: null }))).toBe('Pressed 1');
    // An offered answer nobody chose still counts (as 0); an unexpected key is listed too.
    expect(surveyKeysOf({ '10': 1, '1': 4 }, labels)).toEqual(['1', '2', '10']);
  });

  it('tells the halves of a combo apart by their IDs', () => {
    const call = { ...base, BroadcastType: 'SMSAndAnnouncement' as const, CallBroadcastID: 39609, TextBroadcastID: 39610 };
    expect(isCombo(call)).toBe(true);
    expect(channelOf(call)).toBe('Call');
    expect(channelOf({ ...call, BroadcastID: 39610 })).toBe('Text');
    expect(channelOf({ ...base, BroadcastType: 'SMS' })).toBe('Text');
    expect(isCombo(base)).toBe(false);
  });

  it('counts the calls not made yet as the rest of the numbers', () => {
    const groups = resultGroupsOf(base);
    expect(groups.map((group) => [group.value, group.count])).toEqual([
      ['Live Answer', 3],
      ['Answering Machine', 1],
      ['Busy/No Answer', 2],
      ['Invalid Number', 1],
      ['', 3],
    ]);
  });

  it('counts texts opted out before sending as the finished ones with no other result', () => {
    const text = { ...base, BroadcastType: 'SMS' as const, TotalCompleted: 9, DeliveredTexts: 6, NotDeliveredTexts: 1, InvalidTextCount: 1 };
    expect(resultGroupsOf(text).map((group) => [group.value, group.count])).toEqual([
      ['Delivered', 6],
      ['Not Delivered', 1],
      ['Invalid', 1],
      ['Opted Out', 1],
      ['', 1],
    ]);
  });

  it('polls often while something runs, now and then while something waits, and not at all otherwise', () => {
    expect(liveRefreshInterval([base])).toBe(5000);
    expect(liveRefreshInterval([{ ...base, BroadcastStatus: 'AuthorizationApproved' }])).toBe(30_000);
    expect(
      liveRefreshInterval([
        { ...base, BroadcastStatus: 'Complete' },
        { ...base, BroadcastStatus: 'Paused' },
      ]),
    ).toBe(false);
    expect(liveRefreshInterval([])).toBe(false);
  });

  it('gives the share completed', () => {
    expect(completedPercent(base)).toBe(60);
    expect(completedPercent({ ...base, PhoneNumberCount: 0, TotalCompleted: 0 })).toBe(0);
  });
});
