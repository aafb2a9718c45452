import { describe, expect, it } from 'vitest';
import { ttsVoices } from '@contract/audio.ts';
import {
  broadcastDraftSchema,
  broadcastTypeOf,
  messageStepSchema,
  newDraft,
  parsePastedNumbers,
  recipientsStepSchema,
  restoreDraft,
  toCreateInput,
} from './broadcast-draft.ts';
import { testUser as user } from './test-user.ts';

describe('the broadcast draft', () => {
  it("starts from the user's own defaults and is valid as saved", () => {
    const draft = newDraft(user, 1000);
    expect(draft.schedule).toMatchObject({ retries: 2, callThrottle: 5, maxMessageLength: 90, continueOnNextDay: true });
    expect(draft.message.callerId).toBe('(202) 707-5000');
    expect(toCreateInput({ ...draft, type: { ...draft.type, name: 'x' } }).CallerID).toBe('2027075000');
    expect(broadcastDraftSchema.safeParse({ ...draft, recipients: { ...draft.recipients, pasted: '2145551234' } }).success).toBe(true);
  });

  it('is saved and read back whole past every limit, with emptied numbers and invalid phones', () => {
    const draft = newDraft(user, 1000);
    const long = {
      ...draft,
      type: { ...draft.type, name: 'n'.repeat(101) },
      recipients: { ...draft.recipients, pasted: '2'.repeat(200_001) },
      message: {
        ...draft.message,
        audio: { source: 'tts' as const, text: 's'.repeat(6000), voice: ttsVoices[0] },
        surveyQuestion: 'q'.repeat(301),
        surveyOptions: [{ key: '1', label: 'l'.repeat(61) }],
        transfer: { enabled: true, number: '12', digit: '0', introduction: 'i'.repeat(301) },
        callerId: 'not a phone',
        textMessage: 't'.repeat(1601),
      },
      schedule: { ...draft.schedule, retries: Number.NaN, callThrottle: 5000 },
    };
    const restored = restoreDraft(JSON.parse(JSON.stringify(long)), newDraft(user));
    expect(restored.type.name).toHaveLength(101);
    expect(restored.message.textMessage).toHaveLength(1601);
    expect(restored.message.audio?.source === 'tts' && restored.message.audio.text.length).toBe(6000);
    expect(restored.recipients.pasted).toHaveLength(200_001);
    expect(restored.idempotencyKey).toBe(draft.idempotencyKey);
    expect(restored.schedule.retries).toBeNaN();
    expect(restored.schedule.callThrottle).toBe(5000);
  });

  it('keeps every part of an odd saved draft that still fits', () => {
    const draft = newDraft(user, 1000);
    const saved = { ...draft, type: { ...draft.type, name: 'Snow day', channel: 'fax' }, step: 9 };
    const restored = restoreDraft(saved, newDraft(user));
    expect(restored.type).toMatchObject({ name: 'Snow day', channel: 'voice' });
    expect(restored.idempotencyKey).toBe(draft.idempotencyKey);
    expect(restored.step).toBe(0);
  });

  it.each([
    [{ channel: 'voice', callKind: 'announcement', combo: 'and' }, 'Announcement'],
    [{ channel: 'voice', callKind: 'survey', combo: 'and' }, 'Survey'],
    [{ channel: 'text', callKind: 'survey', combo: 'or' }, 'SMS'],
    [{ channel: 'both', callKind: 'announcement', combo: 'and' }, 'SMSAndAnnouncement'],
    [{ channel: 'both', callKind: 'announcement', combo: 'or' }, 'SMSOrAnnouncement'],
    [{ channel: 'both', callKind: 'survey', combo: 'and' }, 'SMSAndSurvey'],
    [{ channel: 'both', callKind: 'survey', combo: 'or' }, 'SMSOrSurvey'],
  ] as const)('maps %o to %s', (choice, type) => {
    expect(broadcastTypeOf({ name: 'x', ...choice })).toBe(type);
  });

  it('turns a text draft into the create request, pasted numbers as contacts', () => {
    const draft = newDraft(user);
    draft.type = { name: ' Snow day ', channel: 'text', callKind: 'announcement', combo: 'and' };
    draft.recipients.lists = [{ id: 34, name: 'Parents', count: 10 }];
    draft.recipients.pasted = '(214) 555-1234\n214-555-1234, 972.555.1212';
    draft.message.textMessage = 'Hi {{FirstName}} ';
    draft.message.textNumberId = 98616;
    draft.schedule.startMode = 'later';
    draft.schedule.startLocal = '2026-12-24T13:15';
    expect(toCreateInput(draft)).toEqual({
      BroadcastName: 'Snow day',
      BroadcastType: 'SMS',
      StartDate: '12/24/2026 1:15PM',
      CheckCallingWindow: true,
      ContinueOnNextDay: true,
      PrimaryPhoneNumbersOnly: true,
      Lists: [{ ListID: 34 }],
      Contacts: [{ PrimaryPhone: '2145551234' }, { PrimaryPhone: '9725551212' }],
      TextMessage: 'Hi {{FirstName}}',
      TextNumberID: 98616,
    });
  });

  it('turns a survey with transfer into voice fields only', () => {
    const draft = newDraft(user);
    draft.type = { name: 'RSVP', channel: 'voice', callKind: 'survey', combo: 'and' };
    draft.recipients.contacts = [{ personId: 7, name: 'Ann Lee Park', phone: '2145551234' }];
    draft.message.audio = { source: 'tts', text: 'Press 1 if you will attend.', voice: 'Matthew' };
    draft.message.transfer = { enabled: true, number: '(214) 555-0000', digit: '0', introduction: '' };
    const input = toCreateInput(draft);
    expect(input).toMatchObject({
      BroadcastType: 'Survey',
      StartDate: '',
      CallerID: '2027075000',
      Audio: { TextToSpeech: true, Text: 'Press 1 if you will attend.', Voice: 'Matthew' },
      Contacts: [{ FirstName: 'Ann', LastName: 'Lee Park', PrimaryPhone: '2145551234' }],
      TransferAndConnect: { IsTransfer: true, TransferNumber: '2145550000', TransferDigit: '0' },
      Survey: {
        Question: null,
        Options: [
          { Key: '1', Label: 'Yes' },
          { Key: '2', Label: 'No' },
        ],
      },
      RetryTimes: 2,
    });
    expect(input).not.toHaveProperty('TextMessage');
  });

  it('sends no Audio for a call message to be recorded by phone (docs/decisions/0080-record-by-phone.md)', () => {
    const draft = newDraft(user);
    draft.type = { name: 'Call in', channel: 'voice', callKind: 'announcement', combo: 'and' };
    draft.recipients.pasted = '2145551234';
    draft.message.audio = { source: 'phone' };
    expect(messageStepSchema.safeParse({ ...draft.message, needs: { voice: true, text: false, survey: false } }).success).toBe(true);
    const input = toCreateInput(draft);
    expect(input).toMatchObject({ BroadcastType: 'Announcement', CallerID: '2027075000' });
    expect(input).not.toHaveProperty('Audio');
  });

  it('asks for at least one recipient source', () => {
    const empty = newDraft(user).recipients;
    expect(recipientsStepSchema.safeParse(empty).error?.issues[0]?.message).toBe('Choose at least one list, contact, file or number');
    expect(recipientsStepSchema.safeParse({ ...empty, pasted: 'nope' }).success).toBe(false);
    expect(recipientsStepSchema.safeParse({ ...empty, pasted: '2145551234' }).success).toBe(true);
  });

  it('asks for exactly what the type needs in the message step', () => {
    const step = { ...newDraft(user).message, needs: { voice: true, text: true, survey: true } };
    const messages = messageStepSchema.safeParse({ ...step, surveyOptions: [] }).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toEqual(['audio: Choose the message people hear', 'textMessage: Write the text message', 'surveyOptions: Offer at least one answer']);
    const transferClash = messageStepSchema.safeParse({
      ...step,
      needs: { voice: true, text: false, survey: true },
      audio: { source: 'library', audioId: 'af0277', name: 'x' },
      transfer: { enabled: true, number: '2145550000', digit: '1', introduction: '' },
    });
    expect(transferClash.error?.issues.map((issue) => issue.message)).toEqual(['This key already answers the survey']);
  });

  it('parses pasted numbers like the API checks them', () => {
    expect(parsePastedNumbers('2145551234\n(214) 555-1234;555-0100\n\n9725551212\t12')).toEqual({
      valid: ['2145551234', '9725551212'],
      invalid: [
        { text: '555-0100', problem: 'Not a valid US phone number' },
        { text: '12', problem: 'Not a valid US phone number' },
      ],
      duplicates: 1,
    });
  });

  it("starts a schedule in the user's zone, and keeps a start saved before zones were offered", () => {
    expect(newDraft(user).schedule.startZone).toBe('America/Chicago');
    const draft = newDraft(user, 1000);
    const { startZone: _dropped, ...older } = { ...draft.schedule, startMode: 'later' as const, startLocal: '2030-12-24T11:00' };
    const restored = restoreDraft(JSON.parse(JSON.stringify({ ...draft, schedule: older })), newDraft(user));
    expect(restored.schedule).toMatchObject({ startMode: 'later', startLocal: '2030-12-24T11:00', startZone: 'America/Chicago' });
    const foreign = restoreDraft({ ...draft, schedule: { ...draft.schedule, startZone: 'Mars/Olympus_Mons' } }, newDraft(user));
    expect(foreign.schedule.startZone).toBe('America/Chicago');
  });
});
