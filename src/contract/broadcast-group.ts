import { z } from './zod.ts';
import { timeOfDaySchema } from './common.ts';

/**
 * A broadcast sent "in each zone at a local time": one broadcast per recipient time zone, each starting at the same
 * local time in its zone. The API links nothing, so our server keeps the group (decision 0196), shared by every user
 * of the account, and each part's report can show the others.
 */
export const broadcastGroupPartSchema = z.object({
  BroadcastID: z.int().positive(),
  /** IANA zone of the part's recipients, e.g. America/Chicago. */
  TimeZone: z.string().min(1).max(64),
  /** The zone as people say it: "Central Time". */
  TimeZoneName: z.string().min(1).max(80),
  /** Numbers the part reaches. */
  Recipients: z.int().min(0),
});
export type BroadcastGroupPart = z.infer<typeof broadcastGroupPartSchema>;

export const broadcastGroupInputSchema = z.object({
  /** The broadcast's name, before the zone is added to each part's name. */
  Name: z.string().trim().min(1).max(200),
  /** The local time every part starts at. */
  LocalStart: timeOfDaySchema,
  Parts: z
    .array(broadcastGroupPartSchema)
    .min(1)
    .max(30)
    .refine((parts) => new Set(parts.map((part) => part.BroadcastID)).size === parts.length, 'Each broadcast is one part only'),
});
export type BroadcastGroupInput = z.infer<typeof broadcastGroupInputSchema>;

export const broadcastGroupSchema = broadcastGroupInputSchema.extend({
  GroupID: z.uuid(),
  /** ISO instant, set by our server on the first write. */
  CreatedAt: z.string(),
  /** Who wrote it first, as the API names them: FirstName LastName, else UserName. */
  CreatedBy: z.string(),
});
export type BroadcastGroup = z.infer<typeof broadcastGroupSchema>;
