import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { apiDateTimeSchema } from './common.ts';
import { failedContactSchema } from './draft-broadcast.ts';

/**
 * Survey settings in a Create Broadcast body. The API never documented them (docs/decisions/0050-broadcast-engine.md):
 * ours are the keys a person may press and what each means; results count per key in `SurveyResponses`.
 */
export const surveyInputSchema = z.object({
  Question: z.string().trim().max(300, 'At most 300 characters').nullish(),
  Options: z
    .array(
      z.object({
        Key: z.string().regex(/^[0-9]$/, 'A key is one digit, 0 to 9'),
        Label: z.string().trim().min(1, 'Describe what this key means').max(60, 'At most 60 characters'),
      }),
    )
    .min(1, 'Offer at least one key')
    .max(10, 'At most 10 keys')
    .refine((options) => new Set(options.map((option) => option.Key)).size === options.length, 'Each key once only'),
});
export type SurveyInput = z.infer<typeof surveyInputSchema>;

/** Why numbers of a would-be broadcast will not be called or texted. */
export const skippedNumbersSchema = z.object({
  /** On the account's opt-out list for the channel they would get. */
  OptedOut: z.int(),
  /** The contact's do-not-call flag is set for that number. */
  DoNotCall: z.int(),
  /** Not a valid US number. */
  Invalid: z.int(),
  /** The same number came from more than one source. */
  Duplicate: z.int(),
  /** Listed in ExcludedContacts. */
  Excluded: z.int(),
  /** Landlines in a text-only broadcast: they stay in the list but cannot receive the text. */
  NotTextable: z.int(),
});
export type SkippedNumbers = Answer<z.infer<typeof skippedNumbersSchema>>;

/**
 * Reply to POST /v1/broadcasts/preview (ours): who a Create Broadcast body would reach, what it would cost and
 * when it would finish, computed exactly as the create would, without creating anything.
 */
export const broadcastPlanSchema = z.object({
  PhoneNumberCount: z.int(),
  CallCount: z.int(),
  TextCount: z.int(),
  Skipped: skippedNumbersSchema,
  FailedContacts: z.array(failedContactSchema),
  MaxCreditCost: z.number(),
  AvailableCredits: z.number(),
  StartDate: apiDateTimeSchema,
  EstimatedDuration: z.int(),
  EstimatedCompletion: apiDateTimeSchema.nullable(),
  NotEnoughTimeToComplete: z.boolean(),
  CallingWindowIgnored: z.boolean(),
  ExcludedDaysIgnored: z.boolean(),
  /** The start falls outside the calling window: calls wait for it to open. */
  StartsOutsideCallingWindow: z.boolean(),
  /** Seconds a connected call plays. */
  MessageSeconds: z.int(),
  /** SMS segments of the longest personalised text. */
  TextSegments: z.int(),
});
export type BroadcastPlan = Answer<z.infer<typeof broadcastPlanSchema>>;
