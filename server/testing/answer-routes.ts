import { accountSchema, accountUsageSchema } from '../../src/contract/account.ts';
import { audioDeleteResultSchema, audioSchema } from '../../src/contract/audio.ts';
import { broadcastDetailSchema } from '../../src/contract/broadcast-detail.ts';
import { broadcastPlanSchema } from '../../src/contract/broadcast-plan.ts';
import { broadcastCreateResultSchema, broadcastDeleteResultSchema, broadcastSchema } from '../../src/contract/broadcast.ts';
import { contactImportResultSchema } from '../../src/contract/contact-import.ts';
import { contactBatchResultSchema, contactSchema } from '../../src/contract/contact.ts';
import { conversationSchema, inboxConversationSchema, textMessageSchema } from '../../src/contract/conversation.ts';
import { draftBroadcastBodySchema, draftBroadcastSchema } from '../../src/contract/draft-broadcast.ts';
import { feedSchema } from '../../src/contract/feed.ts';
import { fileUploadResultSchema, fileUploadSchema } from '../../src/contract/file-upload.ts';
import { contactListSchema, listDeleteResultSchema } from '../../src/contract/list.ts';
import { optOutEventSchema, optOutRemovalResultSchema, optOutSchema } from '../../src/contract/opt-out.ts';
import { phoneNumberBroadcastSchema } from '../../src/contract/phone-number-broadcast.ts';
import { textNumberSchema } from '../../src/contract/text-number.ts';
import { userSchema } from '../../src/contract/user.ts';
import type { z } from '../../src/contract/zod.ts';

export interface AnswerRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As the sandbox declares it, parameters as `:name`: `/v1/contacts/:id`. */
  route: string;
  /** The schema the app reads the answer with. */
  schema: z.ZodType;
}

/**
 * Every v1 route that answers JSON, with the schema the app reads its answer with. The contract test fails when a
 * sandbox route is neither here nor in `notReadAsJson`, so a new route is covered once it exists.
 */
export const answerRoutes: readonly AnswerRoute[] = [
  { method: 'GET', route: '/v1/account', schema: accountSchema },
  { method: 'GET', route: '/v1/account/usage', schema: accountUsageSchema },
  { method: 'GET', route: '/v1/account/users', schema: feedSchema(userSchema) },
  { method: 'POST', route: '/v1/account/users', schema: userSchema },
  { method: 'GET', route: '/v1/account/users/:id', schema: userSchema },
  { method: 'PUT', route: '/v1/account/users/:id', schema: userSchema },
  { method: 'GET', route: '/v1/audio', schema: feedSchema(audioSchema) },
  { method: 'GET', route: '/v1/audio/:id', schema: audioSchema },
  { method: 'POST', route: '/v1/audio', schema: audioSchema },
  { method: 'POST', route: '/v1/audio/:filename', schema: audioSchema },
  { method: 'PUT', route: '/v1/audio/:id', schema: audioSchema },
  { method: 'DELETE', route: '/v1/audio/:id', schema: audioDeleteResultSchema },
  { method: 'GET', route: '/v1/broadcasts', schema: feedSchema(broadcastSchema) },
  { method: 'POST', route: '/v1/broadcasts', schema: broadcastCreateResultSchema },
  { method: 'POST', route: '/v1/broadcasts/preview', schema: broadcastPlanSchema },
  { method: 'GET', route: '/v1/broadcasts/:id', schema: broadcastSchema },
  { method: 'DELETE', route: '/v1/broadcasts/:id', schema: broadcastDeleteResultSchema },
  { method: 'GET', route: '/v1/broadcasts/:id/details', schema: feedSchema(broadcastDetailSchema) },
  { method: 'POST', route: '/v1/broadcasts/:id/pause', schema: broadcastSchema },
  { method: 'POST', route: '/v1/broadcasts/:id/resume', schema: broadcastSchema },
  { method: 'POST', route: '/v1/broadcasts/:id/cancel', schema: broadcastSchema },
  { method: 'POST', route: '/v1/draftbroadcasts', schema: draftBroadcastSchema },
  { method: 'GET', route: '/v1/draftbroadcasts/:id', schema: draftBroadcastBodySchema },
  { method: 'GET', route: '/v1/contacts', schema: feedSchema(contactSchema) },
  { method: 'POST', route: '/v1/contacts', schema: contactSchema },
  { method: 'DELETE', route: '/v1/contacts', schema: contactBatchResultSchema },
  { method: 'POST', route: '/v1/contacts/import', schema: contactImportResultSchema },
  { method: 'GET', route: '/v1/contacts/:id', schema: contactSchema },
  { method: 'PUT', route: '/v1/contacts/:id', schema: contactSchema },
  { method: 'DELETE', route: '/v1/contacts/:id', schema: contactBatchResultSchema },
  { method: 'POST', route: '/v1/fileuploads', schema: fileUploadResultSchema },
  { method: 'GET', route: '/v1/fileuploads/:id', schema: fileUploadSchema },
  { method: 'GET', route: '/v1/lists', schema: feedSchema(contactListSchema) },
  { method: 'POST', route: '/v1/lists', schema: contactListSchema },
  { method: 'GET', route: '/v1/lists/:id', schema: contactListSchema },
  { method: 'PUT', route: '/v1/lists/:id', schema: contactListSchema },
  { method: 'DELETE', route: '/v1/lists/:id', schema: listDeleteResultSchema },
  { method: 'GET', route: '/v1/lists/:id/contacts', schema: feedSchema(contactSchema) },
  { method: 'POST', route: '/v1/lists/:id/contacts', schema: contactBatchResultSchema },
  { method: 'DELETE', route: '/v1/lists/:id/contacts', schema: contactBatchResultSchema },
  { method: 'DELETE', route: '/v1/lists/:id/contacts/:contactId', schema: contactBatchResultSchema },
  { method: 'GET', route: '/v1/textnumbers', schema: feedSchema(textNumberSchema) },
  { method: 'GET', route: '/v1/textnumbers/:id', schema: textNumberSchema },
  { method: 'GET', route: '/v1/conversations', schema: feedSchema(inboxConversationSchema) },
  { method: 'POST', route: '/v1/conversations', schema: inboxConversationSchema },
  { method: 'GET', route: '/v1/conversations/single', schema: conversationSchema },
  { method: 'GET', route: '/v1/conversations/:id', schema: inboxConversationSchema },
  { method: 'PUT', route: '/v1/conversations/:id', schema: inboxConversationSchema },
  { method: 'GET', route: '/v1/conversations/:id/textmessages', schema: feedSchema(textMessageSchema) },
  { method: 'POST', route: '/v1/conversations/:id/textmessages', schema: textMessageSchema },
  { method: 'GET', route: '/v1/optouts', schema: feedSchema(optOutSchema) },
  { method: 'POST', route: '/v1/optouts', schema: optOutSchema },
  { method: 'GET', route: '/v1/optouts/:phoneNumber', schema: optOutSchema },
  { method: 'DELETE', route: '/v1/optouts/:phoneNumber', schema: optOutRemovalResultSchema },
  { method: 'GET', route: '/v1/optouts/:phoneNumber/history', schema: feedSchema(optOutEventSchema) },
  { method: 'GET', route: '/v1/phonenumbers/:phoneNumber/broadcasts', schema: feedSchema(phoneNumberBroadcastSchema) },
];

/** Routes whose answers the app does not read as JSON, or not at all (our server reads the login itself). */
export const notReadAsJson: ReadonlyArray<{ method: string; route: string; why: string }> = [
  { method: 'GET', route: '/v1/audio/:id/content', why: 'the recording itself' },
  { method: 'GET', route: '/v1/contacts/import/:id/problems', why: 'a CSV download' },
  { method: 'POST', route: '/v1/user/login', why: 'read by our server, which keeps the AuthToken' },
  { method: 'POST', route: '/v1/singlesignon/conversations', why: 'the app does not call it' },
];

const patterns = [...answerRoutes]
  // Literal segments before parameters: /v1/conversations/single is not /v1/conversations/:id.
  .sort((a, b) => (a.route.match(/:/g)?.length ?? 0) - (b.route.match(/:/g)?.length ?? 0))
  .map((entry) => ({ entry, pattern: new RegExp(`^${entry.route.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`) }));

/** The registry entry for a request, by method and path (query left out). */
export function answerRouteOf(method: string, path: string): AnswerRoute | null {
  const pathname = path.split('?', 1)[0]!;
  return patterns.find(({ entry, pattern }) => entry.method === method && pattern.test(pathname))?.entry ?? null;
}
