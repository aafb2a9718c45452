import type { BroadcastCreateInput, BroadcastType } from '@contract/broadcast.ts';
import type { PersonInput } from '@contract/contact.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { normalizePhoneNumber, phoneProblemMessages } from '@contract/phone-number.ts';
import { timeZoneForState } from '@contract/common.ts';
import type { User } from '@contract/user.ts';
import { ttsVoices } from '@contract/audio.ts';
import { z } from '@contract/zod.ts';
import { splitFullName } from '@contract/column-mapping.ts';
import { fallbackFiller, noFallbacks } from './merge-fallbacks.ts';
import { isTimeZone, toApiStartDate } from './start-date.ts';

/**
 * Everything the wizard collects, as it is saved (per user, in this browser) between steps, reloads and logins.
 * The Create Broadcast request is derived from it only at the end (`toCreateInput`).
 */

const phoneField = z
  .string()
  .trim()
  .refine((value) => value === '' || normalizePhoneNumber(value).ok, 'Not a valid US phone number');

/** `sentBroadcastId` of a draft the service accepted without an answer we could read (broadcast IDs start at 1). */
export const SENT_ID_UNKNOWN = 0;

/** The limits each field is held to when the user moves on; shown as counters before they are reached. */
export const draftLimits = {
  name: 100,
  ttsText: 3000,
  surveyQuestion: 300,
  surveyLabel: 60,
  transferIntroduction: 300,
  textMessage: 1600,
  pasted: 200_000,
} as const;

const atMost = (limit: number) => `At most ${limit.toLocaleString('en-US')} characters`;

const storedAudioChoice = z.discriminatedUnion('source', [
  z.object({ source: z.literal('library'), audioId: z.string(), name: z.string() }),
  z.object({ source: z.literal('tts'), text: z.string(), voice: z.enum(ttsVoices) }),
  // Sent without audio: the service answers a number to call and a code, and the broadcast waits for the recording.
  z.object({ source: z.literal('phone') }),
]);

export const audioChoiceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('library'), audioId: z.string().min(1, 'Choose a message'), name: z.string() }),
  z.object({
    source: z.literal('tts'),
    text: z.string().trim().min(1, 'Type the message to speak').max(draftLimits.ttsText, atMost(draftLimits.ttsText)),
    voice: z.enum(ttsVoices),
  }),
  z.object({ source: z.literal('phone') }),
]);
export type AudioChoice = z.infer<typeof audioChoiceSchema>;

/*
 * Each step has two schemas: its fields as saved, which take anything the user can type (a saved draft may be
 * unfinished or too long, and is never thrown away for it), and its rules, checked when the user moves on.
 */

/** A number field as saved: an emptied one is NaN, which JSON keeps as null. */
const storedNumber = z.preprocess(
  (value) => (value === null ? Number.NaN : value),
  z.custom<number>((value) => typeof value === 'number'),
);

const typeFields = z.object({
  name: z.string(),
  channel: z.enum(['voice', 'text', 'both']),
  callKind: z.enum(['announcement', 'survey']),
  /** For voice and text: text the mobiles and also call them ('and'), or only text them ('or'). */
  combo: z.enum(['and', 'or']),
});
export const typeStepSchema = typeFields.extend({
  name: z.string().trim().min(1, 'Name the broadcast').max(draftLimits.name, atMost(draftLimits.name)),
});

const recipientsFields = z.object({
  lists: z.array(z.object({ id: z.int(), name: z.string(), count: z.int() })),
  contacts: z.array(z.object({ personId: z.int(), name: z.string(), phone: z.string() })),
  pasted: z.string(),
  files: z.array(
    z.object({
      fileId: z.string(),
      name: z.string(),
      /** People the upload holds. */
      rows: z.int(),
      // What the wizard read in the file (decision 0151); not known for a file uploaded before it did.
      totalRows: z.int().optional(),
      columns: z.array(z.object({ column: z.string(), field: z.string() })).optional(),
      leftOut: z.object({ InvalidPhone: z.int(), DuplicateInFile: z.int(), TooLong: z.int() }).optional(),
      leftOutRows: z.array(z.object({ row: z.int(), reason: z.string(), message: z.string() })).optional(),
      /** The file uploaded, kept to write merge-field fallbacks into (`peopleOfCsv`); not kept for a large file. */
      csv: z.string().optional(),
    }),
  ),
  excluded: z.array(z.object({ name: z.string(), phone: z.string() })),
  primaryOnly: z.boolean(),
  /** People carried over from an earlier broadcast (duplicate, send again) or an API draft, names included. */
  carried: z
    .object({
      label: z.string(),
      people: z.array(z.object({ FirstName: z.string(), LastName: z.string(), PrimaryPhone: z.string(), Notes: z.string(), IntegrationData: z.string() })),
    })
    .nullable(),
});
export const recipientsStepSchema = recipientsFields
  .extend({ pasted: z.string().max(draftLimits.pasted, 'Paste at most 10,000 numbers here; upload a file for more') })
  .refine(
    (step) =>
      step.lists.length + step.contacts.length + step.files.length + (step.carried?.people.length ?? 0) > 0 || parsePastedNumbers(step.pasted).valid.length > 0,
    { message: 'Choose at least one list, contact, file or number', path: ['lists'] },
  );

const messageFields = z.object({
  audio: storedAudioChoice.nullable(),
  voicemailAudio: storedAudioChoice.nullable(),
  surveyQuestion: z.string(),
  surveyOptions: z.array(z.object({ key: z.string(), label: z.string() })),
  transfer: z.object({ enabled: z.boolean(), number: z.string(), digit: z.string(), introduction: z.string() }),
  callerId: z.string(),
  textMessage: z.string(),
  textNumberId: z.int().nullable(),
  // Which parts apply depends on the type chosen in the first step; `messageStepFor` adds those rules.
  needs: z.object({ voice: z.boolean(), text: z.boolean(), survey: z.boolean() }),
});
const messageRules = messageFields.extend({
  audio: audioChoiceSchema.nullable(),
  voicemailAudio: audioChoiceSchema.nullable(),
  surveyQuestion: z.string().trim().max(draftLimits.surveyQuestion, atMost(draftLimits.surveyQuestion)),
  surveyOptions: z
    .array(
      z.object({
        key: z.string().regex(/^[0-9]$/, 'One digit'),
        label: z.string().trim().min(1, 'Say what this key means').max(draftLimits.surveyLabel, atMost(draftLimits.surveyLabel)),
      }),
    )
    .max(10),
  transfer: z.object({
    enabled: z.boolean(),
    number: phoneField,
    digit: z.string().regex(/^[0-9]$/, 'One digit'),
    introduction: z.string().max(draftLimits.transferIntroduction, atMost(draftLimits.transferIntroduction)),
  }),
  callerId: phoneField,
  textMessage: z.string().max(draftLimits.textMessage, atMost(draftLimits.textMessage)),
});
export const messageStepSchema = messageRules.superRefine((step, context) => {
  if (step.needs.voice && step.audio === null) context.addIssue({ code: 'custom', path: ['audio'], message: 'Choose the message people hear' });
  if (step.needs.text && step.textMessage.trim() === '') context.addIssue({ code: 'custom', path: ['textMessage'], message: 'Write the text message' });
  if (step.needs.survey && step.surveyOptions.length === 0) context.addIssue({ code: 'custom', path: ['surveyOptions'], message: 'Offer at least one answer' });
  const keys = step.surveyOptions.map((option) => option.key);
  if (new Set(keys).size !== keys.length) context.addIssue({ code: 'custom', path: ['surveyOptions'], message: 'Use each key once' });
  if (step.transfer.enabled && step.transfer.number === '')
    context.addIssue({ code: 'custom', path: ['transfer', 'number'], message: 'Enter the number to transfer to' });
  if (step.transfer.enabled && keys.includes(step.transfer.digit)) {
    context.addIssue({ code: 'custom', path: ['transfer', 'digit'], message: 'This key already answers the survey' });
  }
  if (step.needs.voice && step.callerId === '') context.addIssue({ code: 'custom', path: ['callerId'], message: 'Enter the number calls come from' });
});

const scheduleFields = z.object({
  startMode: z.enum(['now', 'later']),
  /** Wall-clock `YYYY-MM-DDTHH:mm` in the user's time zone (what the API reads StartDate in). */
  startLocal: z.string(),
  /** The zone the user picked the start in, shown beside their own (decision 0158); `startLocal` stays in theirs. */
  startZone: z.string().refine(isTimeZone),
  checkCallingWindow: z.boolean(),
  continueOnNextDay: z.boolean(),
  retries: storedNumber,
  callThrottle: storedNumber,
  maxMessageLength: storedNumber,
});
const scheduleRules = scheduleFields.extend({
  retries: z.int('Enter a whole number').min(0, 'At least 0').max(10, 'At most 10'),
  callThrottle: z.int('Enter a whole number').min(0, 'At least 0 (no limit)').max(1000, 'At most 1,000'),
  maxMessageLength: z.int('Enter a whole number').min(10, 'At least 10 seconds').max(600, 'At most 600 seconds'),
});
export const scheduleStepSchema = scheduleRules.refine((step) => step.startMode === 'now' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(step.startLocal), {
  message: 'Pick a date and time',
  path: ['startLocal'],
});

/** A draft as saved; each step's own rules apply only when the user moves on from it. */
export const broadcastDraftSchema = z.object({
  version: z.literal(1),
  /** Which of the user's drafts this is (decision 0193); a copy gets an id of its own. */
  id: z.string().min(1),
  /** Sent with the create: repeats of this draft's send get the first result (docs/decisions/0051). */
  idempotencyKey: z.string(),
  step: z.int().min(0).max(4),
  // The fields only: a saved draft is allowed to be unfinished.
  type: typeFields,
  recipients: recipientsFields,
  message: messageFields,
  schedule: scheduleFields,
  /** What a merge field reads for recipients without a value of their own (decision 0152); '' for none. */
  mergeFallbacks: z.object({ FirstName: z.string(), LastName: z.string(), Notes: z.string(), IntegrationData: z.string() }),
  /**
   * Set when it is sent as one broadcast a time zone, each at `localStart` their time (decision 0198). Each part's
   * idempotency key is made from the group, its clock and its refusals so far, so every tab makes the same ones.
   */
  zoneSplit: z
    .object({
      localStart: z.object({ Hour: z.int().min(0).max(23), Minute: z.int().min(0).max(59) }),
      groupId: z.string(),
      /** Set at the first Send (`YYYY-MM-DD`): from then on the parts' day and clocks no longer move. */
      fixedDay: z.string().nullable(),
      /** Refusals so far by clock (a part's start instant): the next try's key is a new one. */
      attempts: z.record(z.string(), z.int()),
      /** The parts made, by clock: a second Send (or another tab) makes only the missing ones. */
      sent: z.record(z.string(), z.object({ id: z.int(), zone: z.string(), zoneName: z.string(), recipients: z.int() })),
    })
    .nullable()
    .optional(),
  /** Set once sent; SENT_ID_UNKNOWN when the service took it but its answer did not say which broadcast it made. */
  sentBroadcastId: z.int().nullable(),
  savedAt: z.int(),
});
export type BroadcastDraft = z.infer<typeof broadcastDraftSchema>;
/** How a draft sent one broadcast a time zone is going (decision 0198). */
export type ZoneSplit = NonNullable<BroadcastDraft['zoneSplit']>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A saved draft read back. One that no longer fits the saved shape (an older version, a hand-edited value) keeps
 * every part that still fits, field by field, over `base`: a draft is never swapped for an empty one.
 */
export function restoreDraft(saved: unknown, base: BroadcastDraft): BroadcastDraft {
  const whole = broadcastDraftSchema.safeParse(saved);
  if (whole.success) return whole.data;
  if (!isRecord(saved)) return base;
  const restored: Record<string, unknown> = { ...base };
  for (const [key, schema] of Object.entries(broadcastDraftSchema.shape)) {
    const value = saved[key];
    if (schema.safeParse(value).success) restored[key] = value;
    else if (schema instanceof z.ZodObject && isRecord(value)) {
      const section: Record<string, unknown> = { ...(base[key as keyof BroadcastDraft] as object) };
      for (const [field, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
        const fieldValue = fieldSchema.safeParse(value[field]);
        if (fieldValue.success) section[field] = fieldValue.data;
      }
      restored[key] = section;
    }
  }
  return broadcastDraftSchema.safeParse(restored).data ?? base;
}

export function newDraft(user: User, now: number = Date.now()): BroadcastDraft {
  return {
    version: 1,
    id: crypto.randomUUID(),
    idempotencyKey: crypto.randomUUID(),
    step: 0,
    type: { name: '', channel: 'voice', callKind: 'announcement', combo: 'and' },
    recipients: { lists: [], contacts: [], pasted: '', files: [], excluded: [], primaryOnly: true, carried: null },
    message: {
      audio: null,
      voicemailAudio: null,
      surveyQuestion: '',
      surveyOptions: [
        { key: '1', label: 'Yes' },
        { key: '2', label: 'No' },
      ],
      transfer: { enabled: false, number: '', digit: '0', introduction: '' },
      // Shown as people read a number; the request sends its digits.
      callerId: formatPhoneNumber(user.CallerID),
      textMessage: '',
      textNumberId: null,
      needs: { voice: true, text: false, survey: false },
    },
    schedule: {
      startMode: 'now',
      startLocal: '',
      startZone: timeZoneForState(user.State ?? ''),
      checkCallingWindow: true,
      continueOnNextDay: user.ContinueOnNextDay ?? false,
      retries: user.Retries,
      callThrottle: user.CallThrottle,
      maxMessageLength: user.MaxMessageLength,
    },
    mergeFallbacks: { ...noFallbacks },
    sentBroadcastId: null,
    savedAt: now,
  };
}

const TYPES: Record<string, BroadcastType> = {
  'voice:announcement': 'Announcement',
  'voice:survey': 'Survey',
  'text:announcement': 'SMS',
  'text:survey': 'SMS',
  'both:announcement:and': 'SMSAndAnnouncement',
  'both:announcement:or': 'SMSOrAnnouncement',
  'both:survey:and': 'SMSAndSurvey',
  'both:survey:or': 'SMSOrSurvey',
};

/** Each broadcast type in the user's words: the API's names (SMSAndAnnouncement…) are not shown. */
export const typeWords: Record<BroadcastType, string> = {
  Announcement: 'A phone call that plays a message',
  Survey: 'A phone call that asks a question',
  SMS: 'A text message',
  SMSAndAnnouncement: 'A text to mobiles and a call to everyone',
  SMSOrAnnouncement: 'A text to mobiles, a call to landlines',
  SMSAndSurvey: 'A text to mobiles and a survey call to everyone',
  SMSOrSurvey: 'A text to mobiles, a survey call to landlines',
};

export function broadcastTypeOf({ channel, callKind, combo }: BroadcastDraft['type']): BroadcastType {
  return TYPES[channel === 'both' ? `both:${callKind}:${combo}` : `${channel}:${callKind}`]!;
}

/** What the message step must ask for, given the type. */
export function needsOf(type: BroadcastDraft['type']) {
  return { voice: type.channel !== 'text', text: type.channel !== 'voice', survey: type.channel !== 'text' && type.callKind === 'survey' };
}

export interface PastedNumbers {
  valid: string[];
  invalid: Array<{ text: string; problem: string }>;
  duplicates: number;
}

/** Numbers pasted one per line (or separated by commas or semicolons), checked as the API will check them. */
export function parsePastedNumbers(text: string): PastedNumbers {
  const valid = new Set<string>();
  const invalid: PastedNumbers['invalid'] = [];
  let duplicates = 0;
  for (const piece of text.split(/[\n,;\t]+/)) {
    const candidate = piece.trim();
    if (candidate === '') continue;
    const check = normalizePhoneNumber(candidate);
    if (!check.ok) invalid.push({ text: candidate, problem: phoneProblemMessages[check.problem] });
    else if (valid.has(check.digits)) duplicates += 1;
    else valid.add(check.digits);
  }
  return { valid: [...valid], invalid, duplicates };
}

function audioInput(choice: AudioChoice | null): BroadcastCreateInput['Audio'] {
  if (!choice || choice.source === 'phone') return null;
  return choice.source === 'library' ? { AudioID: choice.audioId } : { TextToSpeech: true, Text: choice.text, Voice: choice.voice };
}

const digitsOf = (phone: string) => {
  const check = normalizePhoneNumber(phone);
  return check.ok ? check.digits : phone;
};

/** The Create Broadcast request this draft stands for (also what the preview is asked about). */
export function toCreateInput(draft: BroadcastDraft): BroadcastCreateInput {
  const type = broadcastTypeOf(draft.type);
  const needs = needsOf(draft.type);
  const { recipients, message, schedule } = draft;
  // Recipients sent inline carry the fallbacks of the merge fields the text uses (decision 0152).
  const fill = fallbackFiller(draft);
  const contacts: PersonInput[] = [
    ...(recipients.carried?.people ?? []).map((person) => fill(person)),
    // Notes and integration data of a picked contact come from their record, which the wizard does not read.
    ...recipients.contacts.map((contact) => fill({ ...splitFullName(contact.name), PrimaryPhone: contact.phone }, ['FirstName', 'LastName'])),
    ...parsePastedNumbers(recipients.pasted).valid.map((phone) => fill({ PrimaryPhone: phone })),
  ];
  return {
    BroadcastName: draft.type.name.trim(),
    BroadcastType: type,
    StartDate: schedule.startMode === 'later' && schedule.startLocal ? toApiStartDate(schedule.startLocal) : '',
    CheckCallingWindow: schedule.checkCallingWindow,
    ContinueOnNextDay: schedule.continueOnNextDay,
    PrimaryPhoneNumbersOnly: recipients.primaryOnly,
    ...(recipients.lists.length > 0 ? { Lists: recipients.lists.map((list) => ({ ListID: list.id })) } : {}),
    ...(contacts.length > 0 ? { Contacts: contacts } : {}),
    ...(recipients.files.length > 0 ? { FileUploads: recipients.files.map((file) => ({ FileID: file.fileId })) } : {}),
    ...(recipients.excluded.length > 0 ? { ExcludedContacts: recipients.excluded.map((person) => ({ PrimaryPhone: person.phone })) } : {}),
    ...(needs.voice
      ? {
          CallerID: digitsOf(message.callerId),
          // No Audio at all when it is to be recorded by phone, as the service expects.
          ...(message.audio?.source === 'phone' ? {} : { Audio: audioInput(message.audio) }),
          ...(message.voicemailAudio && message.voicemailAudio.source !== 'phone' ? { AudioVM: audioInput(message.voicemailAudio) } : {}),
          RetryTimes: schedule.retries,
          CallThrottle: schedule.callThrottle,
          MaxMessageLength: schedule.maxMessageLength,
          ...(message.transfer.enabled
            ? {
                TransferAndConnect: {
                  IsTransfer: true,
                  TransferNumber: digitsOf(message.transfer.number),
                  TransferDigit: message.transfer.digit,
                  ...(message.transfer.introduction ? { TransferIntroduction: message.transfer.introduction } : {}),
                },
              }
            : {}),
          ...(needs.survey
            ? {
                Survey: {
                  Question: message.surveyQuestion || null,
                  Options: message.surveyOptions.map((option) => ({ Key: option.key, Label: option.label })),
                },
              }
            : {}),
        }
      : {}),
    ...(needs.text ? { TextMessage: message.textMessage.trim(), ...(message.textNumberId ? { TextNumberID: message.textNumberId } : {}) } : {}),
  };
}
