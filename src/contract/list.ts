import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { apiDateTimeSchema, uriSchema } from './common.ts';

export const listTypes = ['System', 'User'] as const;
export const listTypeSchema = z.enum(listTypes);
export type ListType = z.infer<typeof listTypeSchema>;

/** The system lists every account has; user lists have positive IDs. */
export const SYSTEM_LIST_IDS = { Everyone: 0, Unfiled: -1, Deleted: -2 } as const;

/** A list as its routes name it: system lists by name (`/v1/lists/everyone`, as the API's own Uri values do), others by id. */
export function listPathKey(listId: number | string): string {
  if (typeof listId === 'string') return listId;
  if (listId === SYSTEM_LIST_IDS.Everyone) return 'everyone';
  if (listId === SYSTEM_LIST_IDS.Unfiled) return 'unfiled';
  if (listId === SYSTEM_LIST_IDS.Deleted) return 'deleted';
  return String(listId);
}

/** A list people made (not Everyone, Unfiled or Deleted); one whose ListType the API left out is told by its ID. */
export const isUserList = (list: { ListID: number; ListType: string | null }) =>
  list.ListType === null ? !(Object.values(SYSTEM_LIST_IDS) as number[]).includes(list.ListID) : list.ListType === 'User';

export const contactListSchema = z.object({
  /** `/v1/lists/{id}`, or `/v1/lists/everyone`, `/unfiled`, `/deleted` for system lists. */
  Uri: uriSchema,
  ListID: z.int(),
  ListType: listTypeSchema,
  ListName: z.string(),
  ListDescription: z.string(),
  /** Short-code accounts only: people join by texting "join" plus this name. */
  SMSName: z.string(),
  IsAutoReplyOn: z.boolean(),
  AutoReplyMessage: z.string(),
  /** Last change to the list itself; membership changes do not update it. */
  LastUpdated: apiDateTimeSchema,
  RosterCount: z.int().min(0),
});
export type ContactList = Answer<z.infer<typeof contactListSchema>>;

/**
 * A list as it appears in a contact's `Lists`. No seed example shows one; our decision: the usual stub
 * (`Uri` + ID) plus `ListType` and `ListName` (what the go client sends), all but the ID optional.
 */
export const listStubSchema = z.object({
  Uri: uriSchema.optional(),
  ListID: z.int(),
  ListType: listTypeSchema.optional(),
  ListName: z.string().optional(),
});
export type ListStub = Answer<z.infer<typeof listStubSchema>>;

/** `{ListID}` in request bodies. A numeric string such as `"2"` is read as a number (early bugalert sent one). */
export const listRefInputSchema = z.object({
  ListID: z.union(
    [
      z.int(),
      z
        .string()
        .trim()
        .regex(/^-?\d+$/)
        .transform(Number)
        .pipe(z.int()),
    ],
    { error: 'Expected a list ID' },
  ),
});
export type ListRefInput = z.infer<typeof listRefInputSchema>;

export const listInputSchema = z.object({
  ListName: z.string({ error: 'Enter a list name' }).trim().min(1, 'Enter a list name').max(100, 'At most 100 characters'),
  ListDescription: z.string().trim().max(500, 'At most 500 characters').optional(),
  /** Our decision: a join keyword people type on their phones, so kept short. */
  SMSName: z.string().trim().max(50, 'At most 50 characters').optional(),
  IsAutoReplyOn: z.boolean().optional(),
  AutoReplyMessage: z.string().trim().max(1600, 'At most 1,600 characters').optional(),
});
export type ListInput = z.infer<typeof listInputSchema>;

export const listUpdateInputSchema = listInputSchema.partial();
export type ListUpdateInput = z.infer<typeof listUpdateInputSchema>;

/** Reply to DELETE /v1/lists/{id} (our decision, as for broadcasts): the contacts stay. */
export const listDeleteResultSchema = z.object({ ListID: z.int(), Deleted: z.literal(true) });
export type ListDeleteResult = Answer<z.infer<typeof listDeleteResultSchema>>;
