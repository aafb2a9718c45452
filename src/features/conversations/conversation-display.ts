import type { Conversation, MessageStatus, TextMessage } from '@contract/conversation.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';

/** The contact's name, or the formatted number when the account has no contact for it. */
export function conversationTitle(conversation: Pick<Conversation, 'FirstName' | 'LastName' | 'PhoneNumber'>): string {
  const name = `${conversation.FirstName ?? ''} ${conversation.LastName ?? ''}`.trim();
  return name || formatPhoneNumber(conversation.PhoneNumber);
}

/** The DOM id of a conversation's item in the list (to scroll it into view). */
export const conversationItemId = (conversationId: number) => `conversation-${conversationId}`;

/** One line about the latest text: who wrote it and how it starts. */
export function messageSnippet(message: TextMessage | null): string {
  if (!message) return 'No texts yet';
  const text = (message.Message ?? '').replace(/\s+/g, ' ').trim();
  if (message.Direction === 'Inbound') return text;
  return message.IsAutomatic ? `Automatic reply: ${text}` : `You: ${text}`;
}

/** How an outbound text is doing, in words; nothing for received ones. */
export const messageStatusLabels: Record<MessageStatus, string> = {
  Queued: 'Sending…',
  Delivered: 'Delivered',
  Failed: 'Not delivered',
  Received: '',
};

/** The inbox's queues: what still needs an answer, what was dealt with, everything. */
export const inboxQueues = [
  { value: 'open', label: 'Needs reply' },
  { value: 'done', label: 'Done' },
  { value: 'all', label: 'All' },
] as const;
export type InboxQueue = (typeof inboxQueues)[number]['value'];

/** The queue in the URL, or the default: all replies to one broadcast, else what needs a reply. */
export function parseQueue(value: string, { broadcast = false } = {}): InboxQueue {
  if (inboxQueues.some((queue) => queue.value === value)) return value as InboxQueue;
  return broadcast ? 'all' : 'open';
}

/** How often the inbox, the open thread and the unread count look for new texts. */
export const INBOX_POLL_MS = 10_000;
