import { z } from './zod.ts';
import { apiDateTimeSchema } from './common.ts';
import { personInputSchema } from './contact.ts';

export const messageDirections = ['Inbound', 'Outbound'] as const;
export const messageDirectionSchema = z.enum(messageDirections);
export type MessageDirection = z.infer<typeof messageDirectionSchema>;

/**
 * One text of a conversation. The API documents only `Message`; the other fields are our own (the API's
 * direction, time and status fields are unknown), so they are optional.
 */
export const textMessageSchema = z.object({
  Message: z.string(),
  TextMessageID: z.int().optional(),
  Direction: messageDirectionSchema.optional(),
  Status: z.string().optional(),
  SentDate: apiDateTimeSchema.nullish(),
  ReceivedDate: apiDateTimeSchema.nullish(),
});
export type TextMessage = z.infer<typeof textMessageSchema>;

/** The thread between one text number and one contact phone number. */
export const conversationSchema = z.object({
  ConversationID: z.int(),
  TextNumberID: z.int(),
  /** The text number as a phone number; the seed types it "Model" but shows a string. */
  TextPhoneNumber: z.string(),
  PhoneNumber: z.string(),
  /** A user marked the conversation done. */
  IsDone: z.boolean(),
  /** A reply was read as a request to opt out. */
  IsAutoOptOut: z.boolean(),
  FirstName: z.string(),
  LastName: z.string(),
  Notes: z.string().nullable(),
  IntegrationData: z.string(),
  LastMessage: textMessageSchema.nullish(),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** Body of POST /v1/conversations/{id}/textmessages. 1,600 is the hard cap; the account's own limit may be lower. */
export const textMessageInputSchema = z.object({
  Message: z
    .string({ error: 'Enter a message' })
    .trim()
    .min(1, 'Enter a message')
    .max(1600, 'At most 1,600 characters'),
  /** Cut the text to the account's limit instead of failing. */
  TruncateIfExceedsLimit: z.boolean().optional(),
});
export type TextMessageInput = z.infer<typeof textMessageInputSchema>;

/** POST /v1/conversations as the .NET client sends it: send a text now from a text number to a contact. */
export const conversationSendInputSchema = z.object({
  TextNumberID: z.int(),
  LastMessage: textMessageInputSchema.extend({ Contact: personInputSchema }),
});

const phoneSchema = z
  .string({ error: 'Enter a phone number' })
  .trim()
  .min(1, 'Enter a phone number')
  .max(20, 'At most 20 characters');

/** POST /v1/conversations as bugalert sends it: open (or find) the conversation without sending anything. */
export const conversationOpenInputSchema = z.object({
  TextPhoneNumber: phoneSchema,
  PhoneNumber: phoneSchema,
});

/** Body of POST /v1/conversations: either documented form. */
export const conversationCreateInputSchema = z.union([conversationSendInputSchema, conversationOpenInputSchema]);
export type ConversationCreateInput = z.infer<typeof conversationCreateInputSchema>;
