import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { apiDateTimeSchema } from './common.ts';
import { namedUserStubSchema } from './user.ts';

export const optOutSchema = z.object({
  /** The contact's name when known, `""` otherwise. */
  FirstName: z.string(),
  LastName: z.string(),
  PhoneNumber: z.string(),
  Notes: z.string(),
  OptOutDate: apiDateTimeSchema,
  /** Opted out of voice. */
  DoNotCall: z.boolean(),
  /** Opted out of text. */
  DoNotText: z.boolean(),
  /** Opted out of every Text-Em-All sender, not just this account (meaning inferred). */
  GlobalOptOut: z.boolean().optional(),
});
export type OptOut = Answer<z.infer<typeof optOutSchema>>;

/** Body of POST /v1/optouts (a route of our own; the API documents none). */
export const optOutInputSchema = z
  .object({
    PhoneNumber: z.string({ error: 'Enter a phone number' }).trim().min(1, 'Enter a phone number').max(20, 'At most 20 characters'),
    DoNotCall: z.boolean().optional(),
    DoNotText: z.boolean().optional(),
    Notes: z.string().trim().max(50, 'At most 50 characters').optional(),
  })
  // Reported on DoNotCall so a form shows it next to the first checkbox.
  .refine((input) => input.DoNotCall === true || input.DoNotText === true, {
    error: 'Opt out of calls, texts or both',
    path: ['DoNotCall'],
  });
export type OptOutInput = z.infer<typeof optOutInputSchema>;

/** How an opt-out (or opt-in) came about. */
export const optOutSources = ['Manual', 'Keypress', 'TextReply', 'Import'] as const;
export const optOutSourceSchema = z.enum(optOutSources);
export type OptOutSource = z.infer<typeof optOutSourceSchema>;

/** One change to a number's opt-outs (GET /v1/optouts/{phoneNumber}/history; docs/decisions/0032-opt-out-routes.md). */
export const optOutEventSchema = z.object({
  EventID: z.int(),
  PhoneNumber: z.string(),
  /** OptOut adds the channels below; OptIn lifts them. */
  Action: z.enum(['OptOut', 'OptIn']),
  /** The voice channel changed. */
  DoNotCall: z.boolean(),
  /** The text channel changed. */
  DoNotText: z.boolean(),
  Source: optOutSourceSchema,
  Notes: z.string(),
  /** Who made a manual change; null for changes the recipient made (a STOP reply, a keypress). */
  User: namedUserStubSchema.nullable(),
  /** The broadcast the recipient answered, for replies and keypresses. */
  BroadcastID: z.int().nullable(),
  EventDate: apiDateTimeSchema,
});
export type OptOutEvent = Answer<z.infer<typeof optOutEventSchema>>;

/** The channels DELETE /v1/optouts/{phoneNumber} can lift; without one it lifts both. */
export const optOutChannels = ['Call', 'Text'] as const;
export type OptOutChannel = (typeof optOutChannels)[number];

/** Optional body of DELETE /v1/optouts/{phoneNumber}: why the number may be contacted again. */
export const optOutRemovalInputSchema = z.object({
  Notes: z.string().trim().max(50, 'At most 50 characters').optional(),
});
export type OptOutRemovalInput = z.infer<typeof optOutRemovalInputSchema>;

/** Reply to DELETE /v1/optouts/{phoneNumber}: what still stands; `Deleted` when nothing does. */
export const optOutRemovalResultSchema = z.object({
  PhoneNumber: z.string(),
  DoNotCall: z.boolean(),
  DoNotText: z.boolean(),
  Deleted: z.boolean(),
});
export type OptOutRemovalResult = Answer<z.infer<typeof optOutRemovalResultSchema>>;
