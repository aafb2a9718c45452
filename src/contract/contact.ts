import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { apiDateTimeSchema, uriSchema } from './common.ts';
import { listRefInputSchema, listStubSchema } from './list.ts';

/** No source documents the values: ours follow the help centre (docs/decisions/0009-text-opt-in-statuses.md). */
export const textOptInStatuses = ['Unknown', 'OptedIn', 'OptedOut', 'NotTextable'] as const;
export const textOptInStatusSchema = z.enum(textOptInStatuses);
export type TextOptInStatus = z.infer<typeof textOptInStatusSchema>;

export const contactSchema = z.object({
  /** Our decision: optional, since the seed leaves it out everywhere but the create reply; see contactIdOf. */
  PersonID: z.int().optional(),
  Uri: uriSchema,
  FirstName: z.string(),
  LastName: z.string(),
  PrimaryPhone: z.string(),
  SecondaryPhone: z.string(),
  TertiaryPhone: z.string(),
  Notes: z.string(),
  IntegrationData: z.string().optional(),
  DoNotCallPrimaryPhone: z.boolean().optional(),
  DoNotCallSecondaryPhone: z.boolean().optional(),
  DoNotCallTertiaryPhone: z.boolean().optional(),
  PrimaryPhoneTextOptInStatus: textOptInStatusSchema.optional(),
  SecondaryPhoneTextOptInStatus: textOptInStatusSchema.optional(),
  TertiaryPhoneTextOptInStatus: textOptInStatusSchema.optional(),
  LastUpdated: apiDateTimeSchema.optional(),
  Lists: z.array(listStubSchema).optional(),
  /** Ours (decision 0145): when a contact in the Deleted folder was deleted; absent for every other contact. */
  DeletedDate: apiDateTimeSchema.optional(),
});
export type Contact = Answer<z.infer<typeof contactSchema>>;

/** A contact's ID: `PersonID`, or else the number at the end of its `Uri`. */
export function contactIdOf(contact: Pick<Contact, 'PersonID' | 'Uri'>): number | undefined {
  if (contact.PersonID !== undefined) return contact.PersonID;
  const match = /\/(\d+)\/?$/.exec(contact.Uri ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * A person echoed back inside other models (draft broadcasts, failed contacts). Our decision: every field
 * may be missing or null, since it repeats whatever the caller sent.
 */
export const personSchema = z.object({
  FirstName: z.string().nullish(),
  LastName: z.string().nullish(),
  PrimaryPhone: z.string().nullish(),
  SecondaryPhone: z.string().nullish(),
  TertiaryPhone: z.string().nullish(),
  Notes: z.string().nullish(),
  IntegrationData: z.string().nullish(),
});
export type Person = z.infer<typeof personSchema>;

/** The documented limits (Notes 50, IntegrationData 512) and ours for names; imports check the same ones. */
export const CONTACT_LIMITS = { name: 50, notes: 50, integrationData: 512 } as const;

const nameSchema = z.string().trim().max(CONTACT_LIMITS.name, `At most ${CONTACT_LIMITS.name} characters`);
/** Phones stay free text here: the sandbox normalises and checks them (NANP); see checkContactPhones. */
const phoneSchema = z.string().trim().max(20, 'At most 20 characters');
const primaryPhoneSchema = z
  .string({ error: 'Enter the primary phone number' })
  .trim()
  .min(1, 'Enter the primary phone number')
  .max(20, 'At most 20 characters');
const notesSchema = z.string().trim().max(CONTACT_LIMITS.notes, `At most ${CONTACT_LIMITS.notes} characters`);
const integrationDataSchema = z.string().max(CONTACT_LIMITS.integrationData, `At most ${CONTACT_LIMITS.integrationData} characters`);

/** Body of POST /v1/contacts. The contact lands in Everyone; `Lists` adds it to lists as well. */
export const contactInputSchema = z.object({
  FirstName: nameSchema.optional(),
  LastName: nameSchema.optional(),
  PrimaryPhone: primaryPhoneSchema,
  SecondaryPhone: phoneSchema.optional(),
  TertiaryPhone: phoneSchema.optional(),
  Notes: notesSchema.optional(),
  IntegrationData: integrationDataSchema.optional(),
  /** The contact's own do-not-call flags (an account opt-out of the number applies besides; decision 0016). */
  DoNotCallPrimaryPhone: z.boolean().optional(),
  DoNotCallSecondaryPhone: z.boolean().optional(),
  DoNotCallTertiaryPhone: z.boolean().optional(),
  /** On create: lists to join besides Everyone. On update: the lists (of those the user sees) it belongs to. */
  Lists: z.array(listRefInputSchema).optional(),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const contactUpdateInputSchema = contactInputSchema.partial();
export type ContactUpdateInput = z.infer<typeof contactUpdateInputSchema>;

/** `{PersonID}` in bulk bodies (decision 0013). A numeric string is read as a number. */
export const personRefInputSchema = z.object({
  PersonID: z.union([z.int().positive(), z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.int().positive())], { error: 'Expected a contact ID' }),
});

export const MAX_BULK_CONTACTS = 100_000;

/** A bulk body: the contacts to act on. No body at all means "every matching contact"; `[]` is refused. */
export const personRefsInputSchema = z
  .array(personRefInputSchema)
  .min(1, 'Name at least one contact, or send no body to mean all of them')
  // The message is written when needed: formatting the number when the module loads costs every page that loads it.
  .max(MAX_BULK_CONTACTS, { error: () => `At most ${MAX_BULK_CONTACTS.toLocaleString('en-US')} contacts per request` });
export type PersonRefsInput = z.infer<typeof personRefsInputSchema>;

/** Reply to bulk contact changes (delete, restore, purge, add to or remove from a list): who changed. */
export const contactBatchResultSchema = z.object({
  Count: z.int().min(0),
  PersonIDs: z.array(z.int()),
});
export type ContactBatchResult = Answer<z.infer<typeof contactBatchResultSchema>>;

/** "Bob Lilly"; "" when the contact has no name. */
export function contactNameOf(contact: Pick<Contact, 'FirstName' | 'LastName'>): string {
  return [contact.FirstName, contact.LastName].filter((part) => part != null && part.trim() !== '').join(' ');
}

/**
 * A person inside other request bodies (broadcast `Contacts`, draft broadcasts, a conversation's `Contact`).
 * Optional fields also accept null: the .NET client serialises unset properties as null.
 */
export const personInputSchema = z.object({
  FirstName: nameSchema.nullish(),
  LastName: nameSchema.nullish(),
  PrimaryPhone: primaryPhoneSchema,
  SecondaryPhone: phoneSchema.nullish(),
  TertiaryPhone: phoneSchema.nullish(),
  Notes: notesSchema.nullish(),
  IntegrationData: integrationDataSchema.nullish(),
});
export type PersonInput = z.infer<typeof personInputSchema>;
