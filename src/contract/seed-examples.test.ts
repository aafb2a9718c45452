import { describe, expect, it } from 'vitest';
import { z } from './zod.ts';
import seedExamples from '../../docs/api/seed-examples.json' with { type: 'json' };
import { ttsInputSchema } from './audio.ts';
import { broadcastCreateInputSchema, broadcastCreateResultSchema, broadcastIdOf, broadcastSchema, broadcastStatuses, statusCategoryOf } from './broadcast.ts';
import { broadcastDetailSchema } from './broadcast-detail.ts';
import { contactIdOf, contactInputSchema, contactSchema, contactUpdateInputSchema } from './contact.ts';
import { conversationCreateInputSchema, conversationSchema, textMessageInputSchema } from './conversation.ts';
import { feedSchema } from './feed.ts';
import { contactListSchema, listInputSchema, listUpdateInputSchema } from './list.ts';
import { optOutInputSchema, optOutSchema } from './opt-out.ts';
import { loginInputSchema, loginResultSchema, userSchema } from './user.ts';
import { userCreateInputSchema, userUpdateInputSchema } from './user-settings.ts';

/** The schema each seed example must parse with, by `section|kind`. */
const schemaFor: Record<string, z.ZodType> = {
  'Account / Create User|request': userCreateInputSchema,
  'Account / Create User|response': userSchema,
  'Account / Update User Settings|request': userUpdateInputSchema,
  'Account / Update User Settings|response': userSchema,
  'Broadcasts / Create Broadcast|request': broadcastCreateInputSchema,
  'Broadcasts / Create Broadcast|response': broadcastCreateResultSchema,
  'Broadcasts / Query Broadcasts|response': feedSchema(broadcastSchema),
  'Broadcasts / Get Broadcast (call)|response': broadcastSchema,
  'Broadcasts / Get Broadcast (text)|response': broadcastSchema,
  'Broadcast Details / Query Broadcast Details (Call)|response': feedSchema(broadcastDetailSchema),
  'Broadcast Details / Query Broadcast Details (Text)|response': feedSchema(broadcastDetailSchema),
  'Conversations / Get Conversation|response': conversationSchema,
  'Contacts / Query Contacts|response': feedSchema(contactSchema),
  'Contacts / Get Contact|response': contactSchema,
  'Contacts / Create Contact|request': contactInputSchema,
  'Contacts / Create Contact|response': contactSchema,
  'Contact Lists / Query Contact Lists|response': feedSchema(contactListSchema),
  'Contact Lists / Get Contact List|response': contactListSchema,
  'Contact Lists / Get Everyone List|response': contactListSchema,
  'Contact Lists / Create Contact List|request': listInputSchema,
  'Contact Lists / Create Contact List|response': contactListSchema,
  'Contact List Membership / Query List Contacts|response': feedSchema(contactSchema),
  'Opt Outs / Query Opt Outs|response': feedSchema(optOutSchema),
  'User / Log in User|request': loginInputSchema,
  'User / Log in User|response': loginResultSchema,
};

const keyOf = (entry: { section: string; kind: string }) => `${entry.section}|${entry.kind}`;

function messagesOf(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const parses = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

describe('seed examples (docs/api/seed-examples.json)', () => {
  it('maps every seed entry to a schema', () => {
    const unmapped = seedExamples.map(keyOf).filter((key) => !(key in schemaFor));
    expect(unmapped).toEqual([]);
  });

  it('uses every mapping', () => {
    const keys = new Set(seedExamples.map(keyOf));
    expect(Object.keys(schemaFor).filter((key) => !keys.has(key))).toEqual([]);
  });

  it.each(seedExamples.map((entry) => [keyOf(entry), entry] as const))('%s parses', (key, entry) => {
    const schema = schemaFor[key];
    if (!schema) throw new Error(`No schema for seed entry ${key}`);
    const result = schema.safeParse(entry.body);
    if (!result.success) throw new Error(z.prettifyError(result.error));
    // Every field of the example is declared by the schema: nothing was stripped or changed.
    expect(result.data).toEqual(entry.body);
  });
});

describe('contactInputSchema', () => {
  it('needs PrimaryPhone', () => {
    const result = contactInputSchema.safeParse({ FirstName: 'John' });
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toEqual(['Enter the primary phone number']);
  });

  it('rejects a blank PrimaryPhone', () => {
    const result = contactInputSchema.safeParse({ PrimaryPhone: '   ' });
    expect(messagesOf(result)).toEqual(['Enter the primary phone number']);
  });

  it('caps Notes at 50 characters', () => {
    expect(contactInputSchema.safeParse({ PrimaryPhone: '2145555055', Notes: 'x'.repeat(50) }).success).toBe(true);
    const result = contactInputSchema.safeParse({ PrimaryPhone: '2145555055', Notes: 'x'.repeat(51) });
    expect(messagesOf(result)).toEqual(['At most 50 characters']);
  });

  it('caps IntegrationData at 512 characters and names at 50', () => {
    expect(contactInputSchema.safeParse({ PrimaryPhone: '1', IntegrationData: 'x'.repeat(513) }).success).toBe(false);
    expect(contactInputSchema.safeParse({ PrimaryPhone: '1', FirstName: 'x'.repeat(51) }).success).toBe(false);
  });

  it('leaves phone formats to the server', () => {
    const input = { PrimaryPhone: ' (214) 555-5055 ', Lists: [{ ListID: 2 }, { ListID: '14' }] };
    const result = contactInputSchema.parse(input);
    expect(result).toEqual({ PrimaryPhone: '(214) 555-5055', Lists: [{ ListID: 2 }, { ListID: 14 }] });
  });

  it('takes any subset on update, with the same limits', () => {
    expect(contactUpdateInputSchema.safeParse({}).success).toBe(true);
    const result = contactUpdateInputSchema.safeParse({ Notes: 'x'.repeat(51) });
    expect(messagesOf(result)).toEqual(['At most 50 characters']);
    expect(contactUpdateInputSchema.safeParse({ PrimaryPhone: '' }).success).toBe(false);
  });
});

describe('contactIdOf', () => {
  it('uses PersonID, else the Uri', () => {
    expect(contactIdOf({ PersonID: 4951360, Uri: '/v1/contacts/4951360' })).toBe(4951360);
    expect(contactIdOf({ Uri: '/contacts/4947403' })).toBe(4947403);
    expect(contactIdOf({ Uri: '/v1/contacts/' })).toBeUndefined();
  });
});

describe('listInputSchema', () => {
  it('needs a ListName', () => {
    expect(messagesOf(listInputSchema.safeParse({ ListDescription: 'x' }))).toEqual(['Enter a list name']);
    expect(messagesOf(listInputSchema.safeParse({ ListName: '   ' }))).toEqual(['Enter a list name']);
  });

  it('trims and caps ListName at 100 and ListDescription at 500', () => {
    expect(listInputSchema.parse({ ListName: '  Staff  ' })).toEqual({ ListName: 'Staff' });
    expect(messagesOf(listInputSchema.safeParse({ ListName: 'x'.repeat(101) }))).toEqual(['At most 100 characters']);
    expect(messagesOf(listInputSchema.safeParse({ ListName: 'x', ListDescription: 'x'.repeat(501) }))).toEqual(['At most 500 characters']);
  });

  it('takes any subset on update', () => {
    expect(listUpdateInputSchema.safeParse({ IsAutoReplyOn: true }).success).toBe(true);
    expect(listUpdateInputSchema.safeParse({ ListName: '' }).success).toBe(false);
  });
});

describe('broadcastCreateInputSchema', () => {
  const base = { BroadcastName: 'Test', BroadcastType: 'SMS', TextMessage: 'Hello' };

  it('reads numeric-string list IDs as numbers and rejects other strings', () => {
    const result = broadcastCreateInputSchema.parse({ ...base, Lists: [{ ListID: '2' }, { ListID: 14 }] });
    expect(result.Lists).toEqual([{ ListID: 2 }, { ListID: 14 }]);
    expect(messagesOf(broadcastCreateInputSchema.safeParse({ ...base, Lists: [{ ListID: 'two' }] }))).toEqual(['Expected a list ID']);
  });

  it('accepts an empty StartDate and the US format, and rejects others', () => {
    expect(broadcastCreateInputSchema.safeParse({ ...base, StartDate: '' }).success).toBe(true);
    expect(broadcastCreateInputSchema.safeParse({ ...base, StartDate: '12/31/2020 11:05 am' }).success).toBe(true);
    expect(messagesOf(broadcastCreateInputSchema.safeParse({ ...base, StartDate: 'tomorrow' }))).toEqual(['Expected a date like 2/1/2020 1:15PM']);
  });

  it('rejects an unknown BroadcastType', () => {
    expect(messagesOf(broadcastCreateInputSchema.safeParse({ ...base, BroadcastType: 'Fax' }))).toEqual(['Choose a broadcast type']);
  });

  it('accepts text-to-speech audio and checks it', () => {
    const tts = { BroadcastType: 'Announcement', Audio: { TextToSpeech: true, Text: 'Hi there', Voice: 'Joanna' } };
    expect(broadcastCreateInputSchema.parse(tts).Audio).toEqual(tts.Audio);
    expect(broadcastCreateInputSchema.safeParse({ ...tts, Audio: { TextToSpeech: true } }).success).toBe(false);
    const unknownVoice = { TextToSpeech: true, Text: 'Hi', Voice: 'Brian' };
    expect(parses(broadcastCreateInputSchema, { ...tts, Audio: unknownVoice })).toBe(false);
    expect(broadcastCreateInputSchema.safeParse({ ...tts, Audio: {} }).success).toBe(false);
  });

  it('needs a PrimaryPhone on each contact and caps its Notes', () => {
    expect(broadcastCreateInputSchema.safeParse({ ...base, Contacts: [{ FirstName: 'Jack' }] }).success).toBe(false);
    const longNotes = { PrimaryPhone: '2145551234', Notes: 'x'.repeat(51) };
    expect(parses(broadcastCreateInputSchema, { ...base, Contacts: [longNotes] })).toBe(false);
  });

  it('accepts the bugalert body shape', () => {
    const body = {
      BroadcastName: 'Alert',
      BroadcastType: 'SMS',
      StartDate: '',
      TextMessage: 'Hi',
      FileUploads: [{ FileID: 'abc' }],
    };
    expect(broadcastCreateInputSchema.safeParse(body).success).toBe(true);
  });

  it('accepts the body the .NET client serialises (unset properties as null)', () => {
    const body = {
      BroadcastID: 0,
      BroadcastName: 'Test broadcast',
      BroadcastType: 'Announcement',
      StartDate: null,
      CallerID: null,
      BroadcastStatus: null,
      BroadcastStatusCategory: null,
      CreatedDate: null,
      CheckCallingWindow: null,
      ContinueOnNextDay: null,
      Lists: [{ ListID: 5, ListType: null, ListName: null, ListDescription: null }],
      Contacts: [{ FirstName: null, LastName: null, Notes: null, PrimaryPhone: '9725551212' }],
      PrimaryPhoneNumbersOnly: true,
      Audio: {
        AudioID: null,
        Name: null,
        Description: null,
        Favorite: null,
        Shared: null,
        Length: null,
        Created: null,
        LastUsed: null,
        TextToSpeech: true,
        Text: 'Hello everyone',
        Voice: null,
      },
      AudioVM: null,
      RetryTimes: null,
      CallThrottle: null,
      MaxMessageLength: 0,
      TextMessage: null,
      TextNumberID: null,
      TextBroadcastID: 0,
    };
    const result = broadcastCreateInputSchema.safeParse(body);
    if (!result.success) throw new Error(z.prettifyError(result.error));
    expect(result.data).not.toHaveProperty('BroadcastID');
    expect(result.data.Lists).toEqual([{ ListID: 5 }]);
  });
});

describe('broadcast helpers', () => {
  it('maps every status to a category', () => {
    expect(statusCategoryOf('Complete')).toBe('Completed');
    expect(statusCategoryOf('AuthorizationApproved')).toBe('Scheduled');
    for (const status of broadcastStatuses) expect(statusCategoryOf(status)).toBeTruthy();
  });

  it('reads the broadcast ID from the Uri when BroadcastID is missing', () => {
    expect(broadcastIdOf({ BroadcastID: 39609, Uri: '/v1/broadcasts/39609' })).toBe(39609);
    expect(broadcastIdOf({ Uri: '/v1/broadcasts/23718' })).toBe(23718);
  });

  it('rejects an unknown BroadcastStatus in a reply', () => {
    const call = seedExamples.find((entry) => entry.section === 'Broadcasts / Get Broadcast (call)');
    expect(broadcastSchema.safeParse({ ...call?.body, BroadcastStatus: 'Completed' }).success).toBe(false);
  });
});

describe('optOutInputSchema', () => {
  it('needs at least one channel', () => {
    const result = optOutInputSchema.safeParse({ PhoneNumber: '2145551234' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ message: 'Opt out of calls, texts or both', path: ['DoNotCall'] }]);
    expect(parses(optOutInputSchema, { PhoneNumber: '2145551234', DoNotCall: false, DoNotText: false })).toBe(false);
    expect(optOutInputSchema.safeParse({ PhoneNumber: '2145551234', DoNotText: true }).success).toBe(true);
  });

  it('needs a PhoneNumber and caps Notes at 50', () => {
    expect(messagesOf(optOutInputSchema.safeParse({ DoNotCall: true }))).toEqual(['Enter a phone number']);
    expect(messagesOf(optOutInputSchema.safeParse({ PhoneNumber: '2145551234', DoNotCall: true, Notes: 'x'.repeat(51) }))).toEqual(['At most 50 characters']);
  });
});

describe('conversation inputs', () => {
  it('accepts both POST /v1/conversations forms', () => {
    const send = {
      TextNumberID: 98615,
      LastMessage: { Message: 'Hi', TruncateIfExceedsLimit: false, Contact: { PrimaryPhone: '9725551212' } },
    };
    expect(conversationCreateInputSchema.parse(send)).toEqual(send);
    const open = { TextPhoneNumber: '18669481703', PhoneNumber: '5551234567' };
    expect(conversationCreateInputSchema.parse(open)).toEqual(open);
  });

  it('accepts the .NET client body (nulls for unset properties)', () => {
    const body = {
      ConversationID: 0,
      TextNumberID: 98615,
      PhoneNumber: null,
      TextPhoneNumber: null,
      FirstName: null,
      LastName: null,
      Notes: null,
      IntegrationData: null,
      LastMessage: {
        Message: 'Hi',
        TruncateIfExceedsLimit: false,
        Contact: { FirstName: null, LastName: null, Notes: null, PrimaryPhone: '9725551212' },
      },
    };
    expect(conversationCreateInputSchema.safeParse(body).success).toBe(true);
  });

  it('rejects a message without a contact phone, or a half-filled open form', () => {
    const noPhone = { TextNumberID: 98615, LastMessage: { Message: 'Hi', Contact: {} } };
    expect(parses(conversationCreateInputSchema, noPhone)).toBe(false);
    expect(conversationCreateInputSchema.safeParse({ TextPhoneNumber: '18669481703' }).success).toBe(false);
  });

  it('bounds a message to 1..1600 characters', () => {
    expect(messagesOf(textMessageInputSchema.safeParse({ Message: '  ' }))).toEqual(['Enter a message']);
    const tooLong = textMessageInputSchema.safeParse({ Message: 'x'.repeat(1601) });
    expect(messagesOf(tooLong)).toEqual(['At most 1,600 characters']);
    expect(parses(textMessageInputSchema, { Message: 'x'.repeat(1600), TruncateIfExceedsLimit: true })).toBe(true);
  });
});

describe('ttsInputSchema', () => {
  it('bounds the text and the voice', () => {
    expect(ttsInputSchema.safeParse({ TextToSpeech: true, Text: 'Hello', Voice: 'Matthew' }).success).toBe(true);
    expect(messagesOf(ttsInputSchema.safeParse({ TextToSpeech: true, Text: 'x'.repeat(3001) }))).toEqual(['At most 3,000 characters']);
    expect(messagesOf(ttsInputSchema.safeParse({ TextToSpeech: true, Text: '' }))).toEqual(['Enter the text to speak']);
    expect(ttsInputSchema.safeParse({ TextToSpeech: false, Text: 'Hello' }).success).toBe(false);
    expect(messagesOf(ttsInputSchema.safeParse({ TextToSpeech: true, Text: 'Hi', Voice: 'Brian' }))).toEqual(['Choose one of the listed voices']);
  });
});
