import type { Conversation, InboxConversation, MessageDirection, MessageStatus, TextMessage } from '../../../src/contract/conversation.ts';
import type { Feed } from '../../../src/contract/feed.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { scheduleEvent } from '../simulator/scheduled-events.ts';
import { phoneOrNameSearch } from '../http/phone-numbers.ts';
import { queryFeed, type ListQuery, type ListSpec } from '../http/list-query.ts';
import { formatApiDate, formatApiDateOrNull } from '../time.ts';
import { contactIdForPhoneSql, perRoster } from './phone-contacts.ts';
import { namedUserStub } from './users.ts';
import { OPT_OUT_NOTICE, withOptOutNotice as withNotice } from '../../../src/contract/text-opt-out.ts';

/** Conversations and their texts (docs/decisions/0030-conversations-and-text-messages.md). */

export interface ConversationRow {
  conversation_id: number;
  account_id: number;
  text_number_id: number;
  text_phone_number: string;
  phone_number: string;
  is_done: number;
  is_auto_opt_out: number;
  unread_count: number;
  created_at: number;
  last_message_at: number | null;
  is_opted_out: number;
  person_id: number | null;
  first_name: string | null;
  last_name: string | null;
  notes: string | null;
  integration_data: string | null;
  broadcast_id: number | null;
  broadcast_name: string | null;
  // The last message, joined in (null when the thread is empty).
  m_message_id: number | null;
  m_direction: MessageDirection | null;
  m_body: string | null;
  m_status: MessageStatus | null;
  m_user_id: number | null;
  m_user_first_name: string | null;
  m_user_last_name: string | null;
  m_broadcast_id: number | null;
  m_created_at: number | null;
}

export const CONVERSATION_SELECT = `c.conversation_id, c.account_id, c.text_number_id, tn.text_phone_number, c.phone_number,
  c.is_done, c.is_auto_opt_out, c.unread_count, c.created_at, c.last_message_at,
  EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = c.account_id AND o.phone_number = c.phone_number
          AND (o.do_not_text = 1 OR o.global_opt_out = 1)) AS is_opted_out,
  p.person_id, p.first_name, p.last_name, p.notes, p.integration_data, b.broadcast_id, b.broadcast_name,
  m.message_id AS m_message_id, m.direction AS m_direction, m.body AS m_body, m.status AS m_status, m.user_id AS m_user_id,
  mu.first_name AS m_user_first_name, mu.last_name AS m_user_last_name, m.broadcast_id AS m_broadcast_id,
  m.created_at AS m_created_at`;

/**
 * FROM of ConversationRow (alias `c`) as `viewer` sees it: the contact's name only from their roster, the
 * broadcast only if they may see it. Its two placeholders come first in the parameters (conversationFromParams).
 */
export const conversationFrom = (viewer: AuthUser) => `conversations c
  JOIN text_numbers tn ON tn.text_number_id = c.text_number_id
  LEFT JOIN contacts p ON p.person_id = ${contactIdForPhoneSql('c.account_id', 'c.phone_number', viewer)}
  LEFT JOIN broadcasts b ON b.broadcast_id = c.broadcast_id AND b.deleted_at IS NULL AND (? = 1 OR b.user_id = ?)
  LEFT JOIN text_messages m ON m.message_id = c.last_message_id
  LEFT JOIN users mu ON mu.user_id = m.user_id`;

export const conversationFromParams = (user: AuthUser) => [user.canSeeAllBroadcasts ? 1 : 0, user.userId];

export const conversationFeedSpec: ListSpec = {
  fields: {
    ConversationID: { sql: 'c.conversation_id', type: 'integer' },
    TextNumberID: { sql: 'c.text_number_id', type: 'integer' },
    TextPhoneNumber: { sql: 'tn.text_phone_number', type: 'string' },
    PhoneNumber: { sql: 'c.phone_number', type: 'string' },
    IsDone: { sql: 'c.is_done', type: 'boolean' },
    IsAutoOptOut: { sql: 'c.is_auto_opt_out', type: 'boolean' },
    UnreadCount: { sql: 'c.unread_count', type: 'integer' },
    PersonID: { sql: 'p.person_id', type: 'integer' },
    FirstName: { sql: "COALESCE(p.first_name, '')", type: 'string' },
    LastName: { sql: "COALESCE(p.last_name, '')", type: 'string' },
    BroadcastID: { sql: 'c.broadcast_id', type: 'integer' },
    CreatedDate: { sql: 'c.created_at', type: 'date' },
    LastMessageDate: { sql: 'c.last_message_at', type: 'date' },
  },
  // The inbox order: latest activity first (threads never texted sort last).
  defaultSort: 'c.last_message_at DESC',
  tieBreaker: 'c.conversation_id DESC',
  search: phoneOrNameSearch('c.phone_number', 'p.first_name', 'p.last_name'),
};

/** The documented lookup's shape, key for key (seed: Get Conversation). */
export function toApiConversation(row: ConversationRow): Conversation {
  return {
    ConversationID: row.conversation_id,
    TextNumberID: row.text_number_id,
    PhoneNumber: row.phone_number,
    IsDone: row.is_done === 1,
    IsAutoOptOut: row.is_auto_opt_out === 1,
    FirstName: row.first_name ?? '',
    LastName: row.last_name ?? '',
    Notes: row.notes ? row.notes : null,
    IntegrationData: row.integration_data ?? '',
    TextPhoneNumber: row.text_phone_number,
  };
}

export interface TextMessageRow {
  message_id: number;
  conversation_id: number;
  direction: MessageDirection;
  body: string;
  status: MessageStatus;
  user_id: number | null;
  user_first_name: string | null;
  user_last_name: string | null;
  broadcast_id: number | null;
  created_at: number;
}

export const TEXT_MESSAGE_SELECT =
  'm.message_id, m.conversation_id, m.direction, m.body, m.status, m.user_id, u.first_name AS user_first_name, u.last_name AS user_last_name, m.broadcast_id, m.created_at';
export const TEXT_MESSAGE_FROM = 'text_messages m LEFT JOIN users u ON u.user_id = m.user_id';

export const textMessageFeedSpec: ListSpec = {
  fields: {
    TextMessageID: { sql: 'm.message_id', type: 'integer' },
    Direction: { sql: 'm.direction', type: 'string', values: ['Inbound', 'Outbound'] },
    Status: { sql: 'm.status', type: 'string', values: ['Queued', 'Delivered', 'Failed', 'Received'] },
    MessageDate: { sql: 'm.created_at', type: 'date' },
    BroadcastID: { sql: 'm.broadcast_id', type: 'integer' },
  },
  // Oldest first, as a thread reads; `sortby=-MessageDate` pages back from the latest.
  defaultSort: 'm.created_at',
  tieBreaker: 'm.message_id',
};

export function toApiTextMessage(row: TextMessageRow, timeZone: string): TextMessage {
  return {
    TextMessageID: row.message_id,
    ConversationID: row.conversation_id,
    Direction: row.direction,
    Message: row.body,
    Status: row.status,
    MessageDate: formatApiDate(row.created_at, timeZone),
    User: namedUserStub(row.user_id, row.user_first_name, row.user_last_name),
    // Outbound with neither a sender nor a broadcast: the system wrote it (the opt-out confirmation).
    IsAutomatic: row.direction === 'Outbound' && row.user_id === null && row.broadcast_id === null,
    BroadcastID: row.broadcast_id,
  };
}

/** The inbox's shape: the documented fields, then ours. */
export function toInboxConversation(row: ConversationRow, timeZone: string): InboxConversation {
  return {
    ...toApiConversation(row),
    Uri: `/v1/conversations/${row.conversation_id}`,
    PersonID: row.person_id,
    UnreadCount: row.unread_count,
    IsOptedOut: row.is_opted_out === 1,
    CreatedDate: formatApiDate(row.created_at, timeZone),
    LastMessageDate: formatApiDateOrNull(row.last_message_at, timeZone),
    LastMessage:
      row.m_message_id === null
        ? null
        : toApiTextMessage(
            {
              message_id: row.m_message_id,
              conversation_id: row.conversation_id,
              direction: row.m_direction!,
              body: row.m_body!,
              status: row.m_status!,
              user_id: row.m_user_id,
              user_first_name: row.m_user_first_name,
              user_last_name: row.m_user_last_name,
              broadcast_id: row.m_broadcast_id,
              created_at: row.m_created_at!,
            },
            timeZone,
          ),
    Broadcast:
      row.broadcast_id === null ? null : { Uri: `/v1/broadcasts/${row.broadcast_id}`, BroadcastID: row.broadcast_id, BroadcastName: row.broadcast_name ?? '' },
  };
}

/** One page of the account's conversations, in the inbox's shape, as `user` sees them. */
export function queryConversationFeed(db: SandboxDatabase, user: AuthUser, url: URL, query: ListQuery): Feed<InboxConversation> {
  const source = {
    from: conversationFrom(user),
    where: ['c.account_id = ?'],
    params: [...conversationFromParams(user), user.accountId],
    select: CONVERSATION_SELECT,
  };
  return queryFeed(db, url, source, query, (row: ConversationRow) => toInboxConversation(row, user.timeZone));
}

/** One page of a conversation's texts; dates in `user`'s zone. */
export function queryTextMessageFeed(db: SandboxDatabase, user: AuthUser, conversationId: number, url: URL, query: ListQuery): Feed<TextMessage> {
  const source = { from: TEXT_MESSAGE_FROM, where: ['m.conversation_id = ?'], params: [conversationId], select: TEXT_MESSAGE_SELECT };
  return queryFeed(db, url, source, query, (row: TextMessageRow) => toApiTextMessage(row, user.timeZone));
}

/** The account's conversation between a text number and a phone (both ten digits), if there is one. */
export function conversationIdBetween(db: SandboxDatabase, accountId: number, textNumber: string, phoneNumber: string): number | null {
  // Text numbers are kept with their leading 1 (18338028132), phone numbers as ten digits.
  const found = db
    .prepare<[number, string, string, string], { conversation_id: number }>(
      `SELECT c.conversation_id FROM conversations c JOIN text_numbers tn ON tn.text_number_id = c.text_number_id
       WHERE c.account_id = ? AND tn.text_phone_number IN (?, ?) AND c.phone_number = ?`,
    )
    .get(accountId, textNumber, `1${textNumber}`, phoneNumber);
  return found?.conversation_id ?? null;
}

/** The conversation between a text number and a phone, opened when there is none yet. */
export function findOrOpenConversation(
  db: SandboxDatabase,
  opening: { accountId: number; textNumberId: number; phoneNumber: string; userId: number | null; broadcastId?: number | null; at: number },
): number {
  const existing = db
    .prepare<[number, string], { conversation_id: number }>('SELECT conversation_id FROM conversations WHERE text_number_id = ? AND phone_number = ?')
    .get(opening.textNumberId, opening.phoneNumber);
  if (existing) return existing.conversation_id;
  return Number(
    db
      .prepare(
        `INSERT INTO conversations (account_id, text_number_id, phone_number, user_id, broadcast_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(opening.accountId, opening.textNumberId, opening.phoneNumber, opening.userId, opening.broadcastId ?? null, opening.at).lastInsertRowid,
  );
}

/** Stores a text in a conversation and makes it the conversation's latest. */
export function insertTextMessage(
  db: SandboxDatabase,
  message: {
    conversationId: number;
    direction: MessageDirection;
    body: string;
    status: MessageStatus;
    userId?: number | null;
    broadcastId?: number | null;
    at: number;
  },
): number {
  const messageId = Number(
    db
      .prepare(
        `INSERT INTO text_messages (conversation_id, direction, body, status, user_id, broadcast_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(message.conversationId, message.direction, message.body, message.status, message.userId ?? null, message.broadcastId ?? null, message.at)
      .lastInsertRowid,
  );
  // A late-arriving older text (a replayed event) never displaces a newer latest one.
  db.prepare(
    `UPDATE conversations SET last_message_id = ?, last_message_at = ?
     WHERE conversation_id = ? AND (last_message_at IS NULL OR last_message_at <= ?)`,
  ).run(messageId, message.at, message.conversationId, message.at);
  return messageId;
}

export { OPT_OUT_NOTICE };

/** The text as it goes out: with the opt-out notice when the account has never texted the number before. */
export function withOptOutNotice(db: SandboxDatabase, accountId: number, phoneNumber: string, body: string): string {
  const textedBefore = db
    .prepare<[number, string], { found: number }>(
      `SELECT EXISTS (
         SELECT 1 FROM text_messages m JOIN conversations c ON c.conversation_id = m.conversation_id
         WHERE c.account_id = ? AND c.phone_number = ? AND m.direction = 'Outbound') AS found`,
    )
    .get(accountId, phoneNumber)!.found;
  return textedBefore ? body : withNotice(body);
}

/** Milliseconds between handing a text to the carrier and its delivery report, on the sandbox clock. */
export const DELIVERY_DELAY_MS = 5_000;

/**
 * Sends a user's text in a conversation: stored as Queued, delivered on the sandbox clock (the 'text-delivery'
 * event). The caller has checked the number may be texted. Sending marks the conversation read.
 */
export function sendConversationText(
  db: SandboxDatabase,
  text: { accountId: number; conversationId: number; phoneNumber: string; body: string; userId: number; at: number },
): number {
  const messageId = insertTextMessage(db, {
    conversationId: text.conversationId,
    direction: 'Outbound',
    body: withOptOutNotice(db, text.accountId, text.phoneNumber, text.body),
    status: 'Queued',
    userId: text.userId,
    at: text.at,
  });
  db.prepare('UPDATE conversations SET unread_count = 0 WHERE conversation_id = ?').run(text.conversationId);
  scheduleEvent(db, text.at + DELIVERY_DELAY_MS, 'text-delivery', { messageId });
  return messageId;
}

/** A user's text in a conversation, as sendConversationText takes it. */
type ConversationText = Parameters<typeof sendConversationText>[1];

/**
 * What the conversation routes read and change, prepared once per database (statements that depend on the viewer's
 * roster once per roster). Each change runs in one transaction.
 */
export function conversationQueries(db: SandboxDatabase) {
  const byId = perRoster((viewer) =>
    db.prepare<[number, number, number, number], ConversationRow>(
      `SELECT ${CONVERSATION_SELECT} FROM ${conversationFrom(viewer)} WHERE c.conversation_id = ? AND c.account_id = ?`,
    ),
  );
  const byNumbers = perRoster((viewer) =>
    db.prepare<[number, number, number, string, string], ConversationRow>(
      `SELECT ${CONVERSATION_SELECT} FROM ${conversationFrom(viewer)}
       WHERE c.account_id = ? AND substr(tn.text_phone_number, -10) = ? AND c.phone_number = ?`,
    ),
  );
  const textMessageById = db.prepare<[number], TextMessageRow>(`SELECT ${TEXT_MESSAGE_SELECT} FROM ${TEXT_MESSAGE_FROM} WHERE m.message_id = ?`);
  const optOutDate = db.prepare<[number, string], { opt_out_date: number }>('SELECT opt_out_date FROM opt_outs WHERE account_id = ? AND phone_number = ?');
  const contactIdForPhone = db.prepare<{ accountId: number; phone: string }, { person_id: number | null }>(
    `SELECT ${contactIdForPhoneSql('@accountId', '@phone')} AS person_id`,
  );
  const insertContact = db.prepare(
    `INSERT INTO contacts (account_id, owner_user_id, first_name, last_name, primary_phone, notes, created_at, last_updated)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Done means handled: whatever was unread is read now.
  const markDone = db.prepare<[number, number]>('UPDATE conversations SET is_done = ?, unread_count = 0 WHERE conversation_id = ?');
  const markNotDone = db.prepare<[number, number]>('UPDATE conversations SET is_done = ? WHERE conversation_id = ?');
  const markRead = db.prepare<[number]>('UPDATE conversations SET unread_count = 0 WHERE conversation_id = ?');
  const markUnread = db.prepare<[number]>('UPDATE conversations SET unread_count = MAX(unread_count, 1) WHERE conversation_id = ?');

  return {
    /** The account's conversation as `viewer` sees it. */
    byId: (viewer: AuthUser, conversationId: number): ConversationRow | undefined =>
      byId(viewer).get(...(conversationFromParams(viewer) as [number, number]), conversationId, viewer.accountId),
    /** The account's conversation between a text number and a phone (both ten digits), as `viewer` sees it. */
    byNumbers: (viewer: AuthUser, textPhone: string, phone: string): ConversationRow | undefined =>
      byNumbers(viewer).get(...(conversationFromParams(viewer) as [number, number]), viewer.accountId, textPhone, phone),
    textMessageById: (messageId: number): TextMessageRow | undefined => textMessageById.get(messageId),
    /** When the number's stored opt-out was made (there must be one). */
    optOutDate: (accountId: number, phoneNumber: string): number => optOutDate.get(accountId, phoneNumber)!.opt_out_date,

    /**
     * Opens (or finds) the conversation and sends its first text. A name given for a number the account does not know
     * yet becomes a contact, so the thread shows it. Returns the conversation's ID.
     */
    openWithText: db.transaction(
      (opening: {
        user: AuthUser;
        textNumberId: number;
        phoneNumber: string;
        contact: { FirstName?: string | null; LastName?: string | null; Notes?: string | null };
        message: string;
        at: number;
      }): number => {
        const { user, contact, phoneNumber: phone, at } = opening;
        const named = Boolean(contact.FirstName || contact.LastName);
        if (named && contactIdForPhone.get({ accountId: user.accountId, phone })?.person_id === null) {
          insertContact.run(user.accountId, user.userId, contact.FirstName ?? '', contact.LastName ?? '', phone, contact.Notes ?? '', at, at);
        }
        const id = findOrOpenConversation(db, { accountId: user.accountId, textNumberId: opening.textNumberId, phoneNumber: phone, userId: user.userId, at });
        sendConversationText(db, { accountId: user.accountId, conversationId: id, phoneNumber: phone, body: opening.message, userId: user.userId, at });
        return id;
      },
    ),
    /** sendConversationText in a transaction of its own; returns the text's ID. */
    sendText: db.transaction((text: ConversationText): number => sendConversationText(db, text)),
    /** Marks the conversation done or not, read or unread; an unset field is left as it is. */
    update: db.transaction((conversationId: number, change: { isDone?: boolean; isRead?: boolean }) => {
      if (change.isDone === true) markDone.run(1, conversationId);
      if (change.isDone === false) markNotDone.run(0, conversationId);
      if (change.isRead === true) markRead.run(conversationId);
      if (change.isRead === false) markUnread.run(conversationId);
    }),
  };
}
