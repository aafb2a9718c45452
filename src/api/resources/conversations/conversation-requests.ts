import { apiCreate, apiRequest, type CreatedUnread } from '../../api-client.ts';
import { buildListQuery, type ListParams } from '../../list-params.ts';
import {
  inboxConversationSchema,
  textMessageSchema,
  type ConversationSendInput,
  type ConversationUpdateInput,
  type InboxConversation,
  type TextMessage,
  type TextMessageInput,
} from '@contract/conversation.ts';
import { feedSchema } from '@contract/feed.ts';

const conversationFeedSchema = feedSchema(inboxConversationSchema);
const textMessageFeedSchema = feedSchema(textMessageSchema);

export function listConversations(params: ListParams, signal?: AbortSignal) {
  return apiRequest(`/v1/conversations${buildListQuery(params)}`, { schema: conversationFeedSchema, signal });
}

export function getConversation(conversationId: number, signal?: AbortSignal): Promise<InboxConversation> {
  return apiRequest(`/v1/conversations/${conversationId}`, { schema: inboxConversationSchema, signal });
}

export function listTextMessages(conversationId: number, params: ListParams, signal?: AbortSignal) {
  return apiRequest(`/v1/conversations/${conversationId}/textmessages${buildListQuery(params)}`, {
    schema: textMessageFeedSchema,
    signal,
  });
}

/** Sends a text now, opening the conversation when there is none (the .NET client's body). */
export function startConversation(input: ConversationSendInput): Promise<InboxConversation | CreatedUnread> {
  return apiCreate('/v1/conversations', { body: input, schema: inboxConversationSchema });
}

export function sendTextMessage(conversationId: number, input: TextMessageInput): Promise<TextMessage | CreatedUnread> {
  return apiCreate(`/v1/conversations/${conversationId}/textmessages`, { body: input, schema: textMessageSchema });
}

export function updateConversation(conversationId: number, input: ConversationUpdateInput): Promise<InboxConversation> {
  return apiRequest(`/v1/conversations/${conversationId}`, { method: 'PUT', body: input, schema: inboxConversationSchema });
}
