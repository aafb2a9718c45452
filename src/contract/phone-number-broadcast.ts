import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { broadcastStatusSchema, broadcastTypeSchema } from './broadcast.ts';
import { broadcastDetailSchema } from './broadcast-detail.ts';
import { apiDateTimeSchema } from './common.ts';

/**
 * One broadcast that had a phone number among its recipients, with that number's result
 * (GET /v1/phonenumbers/{phoneNumber}/broadcasts; docs/decisions/0033-phone-number-history.md).
 */
export const phoneNumberBroadcastSchema = broadcastDetailSchema.extend({
  BroadcastID: z.int(),
  BroadcastName: z.string(),
  BroadcastType: broadcastTypeSchema,
  BroadcastStatus: broadcastStatusSchema,
  /** The half of the broadcast this row is (a combo broadcast has one of each). */
  Channel: z.enum(['Call', 'Text']),
  StartDate: apiDateTimeSchema,
});
export type PhoneNumberBroadcast = Answer<z.infer<typeof phoneNumberBroadcastSchema>>;
