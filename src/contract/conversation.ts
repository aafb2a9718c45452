import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { apiDateTimeSchema, uriSchema } from './common.ts';
import { personInputSchema } from './contact.ts';
import { namedUserStubSchema } from './user.ts';

/**
 * Conversations and their texts. The API documents only the conversation's fields and a message's `Message`;
 * the message model and the inbox fields are ours (docs/decisions/0030-conversations-and-text-messages.md).
 */

export const messageDirections = ['Inbound', 'Outbound'] as const;
export const messageDirectionSchema = z.enum(messageDirections);
export type MessageDirection = z.infer<typeof messageDirectionSchema>;

/** Outbound texts go Queued -> Delivered or Failed; inbound ones are Received. */
export const messageStatuses = ['Queued', 'Delivered', 'Failed', 'Received'] as const;
export const messageStatusSchema = z.enum(messageStatuses);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** One text of a conversation. */
export const textMessageSchema = z.object({
  TextMessageID: z.int(),
  ConversationID: z.int(),
  Direction: messageDirectionSchema,
  Message: z.string(),
  Status: messageStatusSchema,
  /** When it was sent (outbound) or received (inbound). */
  MessageDate: apiDateTimeSchema,
  /** Who sent an outbound text; null for inbound and automatic texts. */
  User: namedUserStubSchema.nullable(),
  /** Sent by the system (the opt-out confirmation), not by a person. */
  IsAutomatic: z.boolean(),
  /** The broadcast this text answers (inbound) or belongs to (outbound). */
  BroadcastID: z.int().nullable(),
});
export type TextMessage = Answer<z.infer<typeof textMessageSchema>>;

/** The thread between one text number and one contact phone number, as GET /v1/conversations/single answers it. */
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
});
export type Conversation = Answer<z.infer<typeof conversationSchema>>;

/** A linked broadcast with the name to show. */
export const namedBroadcastStubSchema = z.object({
  Uri: uriSchema,
  BroadcastID: z.int(),
  BroadcastName: z.string(),
});

/** A conversation with what an inbox needs: the .NET `TextConversation` plus our own fields. */
export const inboxConversationSchema = conversationSchema.extend({
  Uri: uriSchema,
  /** The contact whose phone this is, when the account has one. */
  PersonID: z.int().nullable(),
  /** Inbound texts nobody has read yet. */
  UnreadCount: z.int().min(0),
  /** The number is opted out of texts now: nothing can be sent to it. */
  IsOptedOut: z.boolean(),
  CreatedDate: apiDateTimeSchema,
  LastMessageDate: apiDateTimeSchema.nullable(),
  LastMessage: textMessageSchema.nullable(),
  /** The broadcast that prompted the latest reply. */
  Broadcast: namedBroadcastStubSchema.nullable(),
});
export type InboxConversation = Answer<z.infer<typeof inboxConversationSchema>>;

/** The hard cap on one text; `TruncateIfExceedsLimit` cuts a longer one to it instead of refusing it. */
export const MAX_TEXT_MESSAGE_LENGTH = 1600;

/** Cuts to the limit without splitting an emoji (a surrogate pair) in half. */
function truncateMessage(message: string): string {
  if (message.length <= MAX_TEXT_MESSAGE_LENGTH) return message;
  let cut = message.slice(0, MAX_TEXT_MESSAGE_LENGTH);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

const messageFields = {
  Message: z.string({ error: 'Enter a message' }).trim().min(1, 'Enter a message'),
  /** Cut the text to the limit instead of failing. The .NET client always sends it (false by default). */
  TruncateIfExceedsLimit: z.boolean().nullish(),
};

function checkLength(input: { Message: string; TruncateIfExceedsLimit?: boolean | null }, ctx: z.RefinementCtx) {
  if (!input.TruncateIfExceedsLimit && input.Message.length > MAX_TEXT_MESSAGE_LENGTH) {
    ctx.addIssue({ code: 'custom', path: ['Message'], message: 'At most 1,600 characters' });
  }
}

/** Body of POST /v1/conversations/{id}/textmessages. */
export const textMessageInputSchema = z
  .object(messageFields)
  .superRefine(checkLength)
  .transform((input) => ({ ...input, Message: truncateMessage(input.Message) }));
export type TextMessageInput = z.input<typeof textMessageInputSchema>;

/** POST /v1/conversations as the .NET client sends it: send a text now from a text number to a contact. */
export const conversationSendInputSchema = z.object({
  TextNumberID: z.int({ error: 'Choose a text number' }),
  LastMessage: z
    .object({ ...messageFields, Contact: personInputSchema })
    .superRefine(checkLength)
    .transform((input) => ({ ...input, Message: truncateMessage(input.Message) })),
});
export type ConversationSendInput = z.input<typeof conversationSendInputSchema>;

const phoneSchema = z.string({ error: 'Enter a phone number' }).trim().min(1, 'Enter a phone number').max(20, 'At most 20 characters');

/** POST /v1/conversations as bugalert sends it: open (or find) the conversation without sending anything. */
export const conversationOpenInputSchema = z.object({
  TextPhoneNumber: phoneSchema,
  PhoneNumber: phoneSchema,
});
export type ConversationOpenInput = z.input<typeof conversationOpenInputSchema>;

/** Body of POST /v1/conversations: either documented form. */
export const conversationCreateInputSchema = z.union([conversationSendInputSchema, conversationOpenInputSchema]);
export type ConversationCreateInput = z.input<typeof conversationCreateInputSchema>;

/** Body of PUT /v1/conversations/{id}: mark done or not done, read or unread. */
export const conversationUpdateInputSchema = z
  .object({
    IsDone: z.boolean().optional(),
    IsRead: z.boolean().optional(),
  })
  .refine((input) => input.IsDone !== undefined || input.IsRead !== undefined, {
    error: 'Set IsDone, IsRead or both',
  });
export type ConversationUpdateInput = z.infer<typeof conversationUpdateInputSchema>;
