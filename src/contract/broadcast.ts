import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { audioInputSchema } from './audio.ts';
import { apiDateTimeSchema, uriSchema } from './common.ts';
import { personInputSchema } from './contact.ts';
import { failedContactSchema } from './draft-broadcast.ts';
import { fileUploadRefInputSchema } from './file-upload.ts';
import { listRefInputSchema } from './list.ts';
import { permissionsSchema } from './user.ts';

export const broadcastTypes = ['Announcement', 'SMS', 'Survey', 'SMSAndAnnouncement', 'SMSOrAnnouncement', 'SMSAndSurvey', 'SMSOrSurvey'] as const;
export const broadcastTypeSchema = z.enum(broadcastTypes, { error: 'Choose a broadcast type' });
export type BroadcastType = z.infer<typeof broadcastTypeSchema>;

/** Only Complete and AuthorizationApproved are documented; our decision: the rest follow the webhook statuses. */
export const broadcastStatuses = ['AuthorizationApproved', 'InProgress', 'Paused', 'Complete', 'Canceled', 'Expired'] as const;
export const broadcastStatusSchema = z.enum(broadcastStatuses);
export type BroadcastStatus = z.infer<typeof broadcastStatusSchema>;

/** Only Completed and Scheduled are documented; our decision: one category per status. */
export const broadcastStatusCategories = ['Scheduled', 'InProgress', 'Paused', 'Completed', 'Canceled', 'Expired'] as const;
export const broadcastStatusCategorySchema = z.enum(broadcastStatusCategories);
export type BroadcastStatusCategory = z.infer<typeof broadcastStatusCategorySchema>;

const statusCategories: Record<BroadcastStatus, BroadcastStatusCategory> = {
  AuthorizationApproved: 'Scheduled',
  InProgress: 'InProgress',
  Paused: 'Paused',
  Complete: 'Completed',
  Canceled: 'Canceled',
  Expired: 'Expired',
};

/** The coarse category a status belongs to (note `Complete` → `Completed`). */
export function statusCategoryOf(status: BroadcastStatus): BroadcastStatusCategory {
  return statusCategories[status];
}

/** Transfer-and-connect settings in a reply; the shape is from the Awell mock only. */
export const transferAndConnectSchema = z.object({
  IsTransfer: z.boolean(),
  TransferLines: z.int().optional(),
  TransferNumber: z.string().optional(),
  TransferCreditsUsed: z.number().nullable().optional(),
});
export type TransferAndConnect = Answer<z.infer<typeof transferAndConnectSchema>>;

/**
 * Who created a broadcast: the service answers its full user model, mostly null (never a PinCode or AuthToken) and
 * with no Uri; the seed shows a stub `{Uri, UserID}`. Every field but UserID may be absent or null.
 */
export const broadcastUserSchema = z.object({
  Uri: uriSchema.nullish(),
  UserID: z.int(),
  UserName: z.string().nullish(),
  FirstName: z.string().nullish(),
  LastName: z.string().nullish(),
  Email: z.string().nullish(),
  Phone: z.string().nullish(),
  CallerID: z.string().nullish(),
  IsMasterUser: z.boolean().nullish(),
  PinCode: z.string().nullish(),
  AuthToken: z.string().nullish(),
  State: z.string().nullish(),
  Permissions: permissionsSchema.nullish(),
});
export type BroadcastUser = Answer<z.infer<typeof broadcastUserSchema>>;

/**
 * `Audio` and `AudioVM` inside a broadcast: the service answers its full audio model with most fields null; the seed
 * shows a stub `{Uri, AudioID}`. Only AudioID is required.
 */
export const broadcastAudioSchema = z.object({
  Uri: uriSchema.nullish(),
  AudioID: z.string(),
  Name: z.string().nullish(),
  Description: z.string().nullish(),
  Favorite: z.boolean().nullish(),
  Shared: z.boolean().nullish(),
  /** Seconds. */
  Length: z.number().nullish(),
  MessageType: z.string().nullish(),
  ReadOnly: z.boolean().nullish(),
  Created: apiDateTimeSchema.nullish(),
  LastUsed: apiDateTimeSchema.nullish(),
  TextToSpeech: z.boolean().nullish(),
});
export type BroadcastAudio = Answer<z.infer<typeof broadcastAudioSchema>>;

/**
 * How to record a voice broadcast's message by phone, answered while it has none (docs/decisions/0080-record-by-phone.md):
 * call PhoneNumber and key in RecordingCode. The seed calls it a model without fields, Awell a string; both parse.
 */
export const messageRecordingInstructionSchema = z.looseObject({
  PhoneNumber: z.string().nullish(),
  RecordingCode: z.string().nullish(),
  Instructions: z.string().nullish(),
});
export type MessageRecordingInstruction = Answer<z.infer<typeof messageRecordingInstructionSchema>>;

/** Our decision: survey answers as a count per key pressed, e.g. `{"1": 12, "2": 3}`; the API's shape is unknown. */
export const surveyResponsesSchema = z.record(z.string(), z.int());

/**
 * Ours (docs/decisions/0155-survey-answer-labels.md): a survey broadcast's settings as they were created, so every
 * report can say what each key means. `Question` is null when none was given.
 */
export const broadcastSurveySchema = z.object({
  Question: z.string().nullable(),
  Options: z.array(z.object({ Key: z.string(), Label: z.string() })),
});
export type BroadcastSurvey = Answer<z.infer<typeof broadcastSurveySchema>>;

/**
 * A broadcast as GET /v1/broadcasts and /v1/broadcasts/{id} answer. Required: the fields every seed example has
 * (the query item, the call and the text broadcast); the rest are optional because call and text broadcasts
 * leave out each other's fields.
 */
export const broadcastSchema = z.object({
  Uri: uriSchema,
  UriBroadcastDetails: uriSchema,
  /** Our decision: optional, since the seed's query item leaves it out; see broadcastIdOf. */
  BroadcastID: z.int().optional(),
  BroadcastName: z.string(),
  BroadcastType: broadcastTypeSchema,
  BroadcastStatus: broadcastStatusSchema,
  BroadcastStatusCategory: broadcastStatusCategorySchema.optional(),
  CreatedDate: apiDateTimeSchema,
  StartDate: apiDateTimeSchema,
  CompletedDate: apiDateTimeSchema.nullable().optional(),
  /** A text broadcast may come back without one. */
  CallerID: z.string().optional(),
  /** 1.0 per call and 0.5 per text in the examples; null before anything is spent. */
  CreditsUsed: z.number().nullable(),
  MaxCreditCost: z.number().optional(),
  PhoneNumberCount: z.int(),
  /** Delivered, undeliverable and opted out; canceled and expired numbers do not count. */
  TotalCompleted: z.int(),
  /** Who created it (see broadcastUserSchema). */
  User: broadcastUserSchema.optional(),
  FailedContacts: z.array(failedContactSchema).optional(),

  // Voice.
  TransferAndConnect: transferAndConnectSchema.nullable().optional(),
  /** Null while the message waits to be recorded by phone (see MessageRecordingInstruction). */
  Audio: broadcastAudioSchema.nullable().optional(),
  AudioVM: broadcastAudioSchema.nullable().optional(),
  RetryTimes: z.int().optional(),
  /** Simultaneous calls; 0 means no limit. */
  CallThrottle: z.int().optional(),
  /** Seconds. */
  MaxMessageLength: z.int().optional(),
  LivePersonTotal: z.int().optional(),
  AnsweringMachineTotal: z.int().optional(),
  BusyNoAnswerTotal: z.int().optional(),
  InvalidNumberTotal: z.int().optional(),
  SurveyResponseTotal: z.int().optional(),
  TransferTotal: z.int().optional(),
  SurveyResponses: surveyResponsesSchema.nullable().optional(),
  /** Ours: what each survey key means (see broadcastSurveySchema); absent or null when not known. */
  Survey: broadcastSurveySchema.nullable().optional(),
  /** Set while a voice message waits to be recorded by phone; null when audio was given. */
  MessageRecordingInstruction: z.union([z.string(), messageRecordingInstructionSchema]).nullable().optional(),
  /** Minutes. */
  EstimatedDuration: z.int().optional(),
  EstimatedCompletion: apiDateTimeSchema.nullable().optional(),
  ExcludedDaysIgnored: z.boolean().optional(),
  CallingWindowIgnored: z.boolean().optional(),
  NotEnoughTimeToComplete: z.boolean().optional(),

  // Text.
  TextMessage: z.string().optional(),
  TextNumberID: z.int().nullable().optional(),
  /** Null for short-code texting. */
  TextPhoneNumber: z.string().nullable().optional(),
  /** True when the text has merge fields; the text each contact got is then in the details. */
  HasCustomField: z.boolean().optional(),
  DeliveredTexts: z.int().optional(),
  NotDeliveredTexts: z.int().optional(),
  InvalidTextCount: z.int().optional(),
  TextReplies: z.int().optional(),
  TextOptedOut: z.int().optional(),
  FailedTextTotal: z.int().optional(),
  UnreadTextReplies: z.int().optional(),
  UnreadConversationReplies: z.int().optional(),
  NotRepliedTotal: z.int().optional(),

  // Combo broadcasts: the IDs of the two halves (0 otherwise). An integer as in the seed and .NET (Awell: string).
  TextBroadcastID: z.int().optional(),
  CallBroadcastID: z.int().optional(),
});
export type Broadcast = Answer<z.infer<typeof broadcastSchema>>;

/** A broadcast's ID: `BroadcastID`, or else the number at the end of its `Uri`. */
export function broadcastIdOf(broadcast: Pick<Broadcast, 'BroadcastID' | 'Uri'>): number | undefined {
  if (broadcast.BroadcastID !== undefined) return broadcast.BroadcastID;
  const match = /\/(\d+)\/?$/.exec(broadcast.Uri ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Reply to POST /v1/broadcasts. Our decision: read leniently, as the seed's example shows only BroadcastID and
 * PhoneNumberCount; any other Broadcast field that comes along is kept.
 */
export const broadcastCreateResultSchema = broadcastSchema.partial().required({ BroadcastID: true, PhoneNumberCount: true });
export type BroadcastCreateResult = Answer<z.infer<typeof broadcastCreateResultSchema>>;

/** Reply to DELETE /v1/broadcasts/{id} (docs/decisions/0010-broadcast-lifecycle.md). */
export const broadcastDeleteResultSchema = z.object({ BroadcastID: z.int(), Deleted: z.literal(true) });
export type BroadcastDeleteResult = Answer<z.infer<typeof broadcastDeleteResultSchema>>;

/** `StartDate` in requests: `M/d/yyyy h:mmtt` (e.g. `2/1/2020 1:15PM`) in the user's time zone; `""` starts now. */
export const startDateInputSchema = z
  .string()
  .trim()
  .regex(/^(\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2} ?[AP]M)?$/i, 'Expected a date like 2/1/2020 1:15PM');

/**
 * Transfer-and-connect settings in a request. The API never documented them, so every field is optional and
 * unknown ones are kept.
 */
export const transferAndConnectInputSchema = z.looseObject({
  IsTransfer: z.boolean().optional(),
  TransferNumber: z.string().trim().max(20, 'At most 20 characters').optional(),
  TransferDigit: z.union([z.string(), z.int()]).optional(),
  TransferIntroduction: z.string().optional(),
});
export type TransferAndConnectInput = z.infer<typeof transferAndConnectInputSchema>;

/**
 * Body of POST /v1/broadcasts. Permissive on purpose: optional fields also accept null because the .NET client
 * serialises every unset property as null, and keys it sends that are not listed here (BroadcastID: 0 and the
 * other response fields) are dropped. Which fields each BroadcastType needs is checked by the server.
 */
export const broadcastCreateInputSchema = z.object({
  BroadcastName: z.string().trim().max(100, 'At most 100 characters').nullish(),
  BroadcastType: broadcastTypeSchema,
  StartDate: startDateInputSchema.nullish(),
  CallerID: z.string().trim().max(20, 'At most 20 characters').nullish(),
  CheckCallingWindow: z.boolean().nullish(),
  ContinueOnNextDay: z.boolean().nullish(),
  PrimaryPhoneNumbersOnly: z.boolean().nullish(),
  DraftBroadcastID: z.int().nullish(),

  // Recipients: Lists ∪ Contacts ∪ FileUploads, minus ExcludedContacts.
  Lists: z.array(listRefInputSchema).nullish(),
  Contacts: z.array(personInputSchema).nullish(),
  ExcludedContacts: z.array(personInputSchema).nullish(),
  FileUploads: z.array(fileUploadRefInputSchema).nullish(),

  // Voice.
  Audio: audioInputSchema.nullish(),
  /** Played when voicemail answers (survey and transfer-and-connect broadcasts). */
  AudioVM: audioInputSchema.nullish(),
  RetryTimes: z.int('Enter a whole number').min(0, 'At least 0').max(10, 'At most 10').nullish(),
  CallThrottle: z.int('Enter a whole number').min(0, 'At least 0 (no limit)').max(1000, 'At most 1,000').nullish(),
  /** Our decision: 0 means the user's default, because the .NET client always sends this byte (0 when unset). */
  MaxMessageLength: z.int('Enter a whole number').min(0, 'At least 0').max(600, 'At most 600 seconds').nullish(),
  TransferAndConnect: transferAndConnectInputSchema.nullish(),
  /** The survey request shape is undocumented; passed through unchecked. */
  Survey: z.unknown().optional(),

  // Text.
  TextMessage: z.string().trim().max(1600, 'At most 1,600 characters').nullish(),
  TextNumberID: z.int().nullish(),
});
export type BroadcastCreateInput = z.infer<typeof broadcastCreateInputSchema>;
