import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { personInputSchema, personSchema } from './contact.ts';

/** A contact the API refused, inside an otherwise successful reply. */
export const failedContactSchema = z.object({
  ErrorCode: z.int(),
  ErrorMessage: z.string(),
  Contact: personSchema,
});
export type FailedContact = Answer<z.infer<typeof failedContactSchema>>;

/** Reply to POST /v1/draftbroadcasts: a staged broadcast and the single-sign-on URL that finishes it in the web app. */
export const draftBroadcastSchema = z.object({
  DraftBroadcastID: z.int(),
  Contacts: z.array(personSchema).optional(),
  FailedContacts: z.array(failedContactSchema).optional(),
  SingleSignOnToken: z.string(),
  SingleSignOnUrl: z.string(),
});
export type DraftBroadcast = Answer<z.infer<typeof draftBroadcastSchema>>;

/** Body of POST /v1/draftbroadcasts. Contacts are optional (a 2019 change in the .NET client). */
export const draftBroadcastInputSchema = z.object({
  Contacts: z.array(personInputSchema).nullish(),
});
export type DraftBroadcastInput = z.infer<typeof draftBroadcastInputSchema>;

/** GET /v1/draftbroadcasts/{id} (ours): the draft's ID and the broadcast fields it was staged with. */
export const draftBroadcastBodySchema = z.looseObject({
  DraftBroadcastID: z.int(),
  Contacts: z.array(personSchema).optional(),
});
export type DraftBroadcastBody = z.infer<typeof draftBroadcastBodySchema>;
