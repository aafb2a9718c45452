import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { apiDateTimeSchema, uriSchema } from './common.ts';

/** Per-number results and statuses (docs/decisions/0011-broadcast-results.md); empty before the first attempt. */
export const callResultCategories = ['Live Answer', 'Answering Machine', 'Busy/No Answer', 'Invalid Number'] as const;
export type CallResultCategory = (typeof callResultCategories)[number];
export const callStatuses = ['Pending', 'In Progress', 'Retry Pending', 'Completed', 'Canceled', 'Expired'] as const;
export type CallStatus = (typeof callStatuses)[number];
export const textResultCategories = ['Delivered', 'Not Delivered', 'Invalid', 'Opted Out'] as const;
export type TextResultCategory = (typeof textResultCategories)[number];
export const textStatuses = ['Pending', 'Completed', 'Canceled', 'Expired'] as const;
export type TextStatus = (typeof textStatuses)[number];

/**
 * The result for one phone number of a broadcast (GET /v1/broadcasts/{id}/details). Call and text details
 * share the contact fields; the rest are optional because each type fills only its own.
 */
export const broadcastDetailSchema = z.object({
  /** Link to the parent broadcast; text details use the same name. */
  UriCallBroadcast: uriSchema,
  PhoneNumber: z.string(),
  FirstName: z.string().nullable(),
  LastName: z.string().nullable(),
  Notes: z.string().nullable(),
  IntegrationData: z.string().nullable(),

  // Voice.
  NumberOfAttempts: z.int().optional(),
  LastCallTime: apiDateTimeSchema.nullable().optional(),
  /** The key pressed in a survey. */
  SurveyResult: z.string().nullable().optional(),
  /** E.g. `Live Answer`; the other values are undocumented. */
  CallResultCategory: z.string().optional(),
  /** E.g. `Completed`. */
  CallStatus: z.string().optional(),
  TransferDuration: z.int().optional(),
  TransferCredits: z.number().optional(),
  IsTransferInitiated: z.boolean().optional(),

  // Text.
  /** E.g. `Sent`. */
  TextResultCategory: z.string().optional(),
  /** E.g. `Completed`. */
  TextStatus: z.string().optional(),
  /** Our name (the API's is unknown) for the personalised text actually sent, when the broadcast has merge fields. */
  MessageText: z.string().optional(),
});
export type BroadcastDetail = Answer<z.infer<typeof broadcastDetailSchema>>;
