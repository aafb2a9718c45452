import { Hono } from 'hono';
import { conversationCreateInputSchema, conversationUpdateInputSchema, textMessageInputSchema } from '../../../src/contract/conversation.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { SandboxError, notFound } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';
import { phoneNumberOrError, phoneOrNameSearch } from '../http/phone-numbers.ts';
import { parseListQuery, queryFeed, rawQueryPairs, safeDecode, type ListSpec } from '../http/list-query.ts';
import {
  conversationFrom,
  CONVERSATION_SELECT,
  TEXT_MESSAGE_FROM,
  TEXT_MESSAGE_SELECT,
  conversationFromParams,
  findOrOpenConversation,
  sendConversationText,
  toApiConversation,
  toApiTextMessage,
  toInboxConversation,
  type ConversationRow,
  type TextMessageRow,
} from '../model/conversations.ts';
import { channelSource, storedOptOut } from '../model/opt-outs.ts';
import { contactIdForPhoneSql, perRoster } from '../model/phone-contacts.ts';

const conversationList: ListSpec = {
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

const messageList: ListSpec = {
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

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function formatDay(epochMs: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone });
    dayFormats.set(timeZone, format);
  }
  return format.format(epochMs);
}

/** Refuses a text to a number that opted out of texts (400 RecipientOptedOut), saying since when and how. */
function assertTextable(db: SandboxDatabase, user: AuthUser, phoneNumber: string) {
  const stored = storedOptOut(db, user.accountId, phoneNumber);
  if (!stored) return;
  if (stored.global_opt_out === 1) {
    throw new SandboxError('RecipientOptedOut', `${phoneNumber} opted out of texts from every Text-Em-All sender; it cannot be texted.`);
  }
  if (stored.do_not_text !== 1) return;
  const since = db
    .prepare<[number, string], { opt_out_date: number }>('SELECT opt_out_date FROM opt_outs WHERE account_id = ? AND phone_number = ?')
    .get(user.accountId, phoneNumber)!.opt_out_date;
  const how =
    channelSource(db, user.accountId, phoneNumber, 'text') === 'TextReply'
      ? 'by replying STOP; only the person can opt back in, by texting UNSTOP'
      : 'on the Opt-outs page; remove the opt-out there first if they asked to be texted again';
  throw new SandboxError('RecipientOptedOut', `${phoneNumber} opted out of texts on ${formatDay(since, user.timeZone)} ${how}.`);
}

/** Conversations and their texts (§10; docs/decisions/0030-conversations-and-text-messages.md). */
export function conversationRoutes({ db, clock }: SandboxDeps) {
  const conversationById = perRoster((viewer) =>
    db.prepare<[number, number, number, number], ConversationRow>(
      `SELECT ${CONVERSATION_SELECT} FROM ${conversationFrom(viewer)} WHERE c.conversation_id = ? AND c.account_id = ?`,
    ),
  );
  const conversationByNumbers = perRoster((viewer) =>
    db.prepare<[number, number, number, string, string], ConversationRow>(
      `SELECT ${CONVERSATION_SELECT} FROM ${conversationFrom(viewer)}
       WHERE c.account_id = ? AND substr(tn.text_phone_number, -10) = ? AND c.phone_number = ?`,
    ),
  );
  const textNumberById = db.prepare<[number, number], { text_number_id: number }>(
    'SELECT text_number_id FROM text_numbers WHERE text_number_id = ? AND account_id = ?',
  );
  const textNumberByPhone = db.prepare<[number, string], { text_number_id: number }>(
    'SELECT text_number_id FROM text_numbers WHERE account_id = ? AND substr(text_phone_number, -10) = ?',
  );
  const contactIdForPhone = db.prepare<{ accountId: number; phone: string }, { person_id: number | null }>(
    `SELECT ${contactIdForPhoneSql('@accountId', '@phone')} AS person_id`,
  );
  const insertContact = db.prepare(
    `INSERT INTO contacts (account_id, owner_user_id, first_name, last_name, primary_phone, notes, created_at, last_updated)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const readConversation = (user: AuthUser, id: number) => {
    const row = conversationById(user).get(...(conversationFromParams(user) as [number, number]), id, user.accountId);
    if (!row) throw notFound('Conversation', id);
    return row;
  };

  return new Hono<SandboxEnv>()
    .get('/conversations', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const query = parseListQuery(url, conversationList, user.timeZone);
      const source = {
        from: conversationFrom(user),
        where: ['c.account_id = ?'],
        params: [...conversationFromParams(user), user.accountId],
        select: CONVERSATION_SELECT,
      };
      return c.json(queryFeed(db, url, source, query, (row: ConversationRow) => toInboxConversation(row, user.timeZone)));
    })
    .get('/conversations/single', (c) => {
      const user = c.get('user');
      const params = new Map<string, string>();
      for (const [name, value] of rawQueryPairs(new URL(c.req.url))) {
        const key = safeDecode(name).toLowerCase();
        if (key !== 'textphonenumber' && key !== 'phonenumber') {
          throw new SandboxError('InvalidQueryParameter', `Unknown parameter ${name}. Use textphonenumber and phonenumber.`);
        }
        params.set(key, safeDecode(value));
      }
      const textPhone = phoneNumberOrError('textphonenumber', params.get('textphonenumber') ?? '');
      const phone = phoneNumberOrError('phonenumber', params.get('phonenumber') ?? '');
      const row = conversationByNumbers(user).get(...(conversationFromParams(user) as [number, number]), user.accountId, textPhone, phone);
      if (!row) throw new SandboxError('ResourceNotFound', `There is no conversation between ${textPhone} and ${phone}.`);
      return c.json(toApiConversation(row));
    })
    .get('/conversations/:id{[0-9]+}', (c) => {
      const user = c.get('user');
      return c.json(toInboxConversation(readConversation(user, Number(c.req.param('id'))), user.timeZone));
    })
    .get('/conversations/:id{[0-9]+}/textmessages', (c) => {
      const user = c.get('user');
      const conversation = readConversation(user, Number(c.req.param('id')));
      const url = new URL(c.req.url);
      const query = parseListQuery(url, messageList, user.timeZone);
      const source = {
        from: TEXT_MESSAGE_FROM,
        where: ['m.conversation_id = ?'],
        params: [conversation.conversation_id],
        select: TEXT_MESSAGE_SELECT,
      };
      return c.json(queryFeed(db, url, source, query, (row: TextMessageRow) => toApiTextMessage(row, user.timeZone)));
    })
    .post('/conversations', async (c) => {
      const user = c.get('user');
      const body = await readBody(c, conversationCreateInputSchema);
      const now = clock.now();
      let conversationId: number;
      if ('LastMessage' in body) {
        if (!textNumberById.get(body.TextNumberID, user.accountId)) {
          throw new SandboxError('ValidationFailed', `TextNumberID: ${body.TextNumberID} is not one of the account's text numbers.`);
        }
        const contact = body.LastMessage.Contact;
        const phone = phoneNumberOrError('LastMessage.Contact.PrimaryPhone', contact.PrimaryPhone);
        assertTextable(db, user, phone);
        conversationId = db.transaction(() => {
          // A name given for a number the account does not know yet becomes a contact, so the thread shows it.
          const named = Boolean(contact.FirstName || contact.LastName);
          if (named && contactIdForPhone.get({ accountId: user.accountId, phone })?.person_id === null) {
            insertContact.run(user.accountId, user.userId, contact.FirstName ?? '', contact.LastName ?? '', phone, contact.Notes ?? '', now, now);
          }
          const id = findOrOpenConversation(db, {
            accountId: user.accountId,
            textNumberId: body.TextNumberID,
            phoneNumber: phone,
            userId: user.userId,
            at: now,
          });
          sendConversationText(db, {
            accountId: user.accountId,
            conversationId: id,
            phoneNumber: phone,
            body: body.LastMessage.Message,
            userId: user.userId,
            at: now,
          });
          return id;
        })();
      } else {
        const textNumber = textNumberByPhone.get(user.accountId, phoneNumberOrError('TextPhoneNumber', body.TextPhoneNumber));
        if (!textNumber) {
          throw new SandboxError('ValidationFailed', `TextPhoneNumber: ${body.TextPhoneNumber} is not one of the account's text numbers.`);
        }
        conversationId = findOrOpenConversation(db, {
          accountId: user.accountId,
          textNumberId: textNumber.text_number_id,
          phoneNumber: phoneNumberOrError('PhoneNumber', body.PhoneNumber),
          userId: user.userId,
          at: now,
        });
      }
      return c.json(toInboxConversation(readConversation(user, conversationId), user.timeZone));
    })
    .post('/conversations/:id{[0-9]+}/textmessages', async (c) => {
      const user = c.get('user');
      const conversation = readConversation(user, Number(c.req.param('id')));
      const { Message } = await readBody(c, textMessageInputSchema);
      assertTextable(db, user, conversation.phone_number);
      const messageId = db.transaction(() =>
        sendConversationText(db, {
          accountId: user.accountId,
          conversationId: conversation.conversation_id,
          phoneNumber: conversation.phone_number,
          body: Message,
          userId: user.userId,
          at: clock.now(),
        }),
      )();
      const row = db.prepare<[number], TextMessageRow>(`SELECT ${TEXT_MESSAGE_SELECT} FROM ${TEXT_MESSAGE_FROM} WHERE m.message_id = ?`).get(messageId)!;
      return c.json(toApiTextMessage(row, user.timeZone));
    })
    .put('/conversations/:id{[0-9]+}', async (c) => {
      const user = c.get('user');
      const conversation = readConversation(user, Number(c.req.param('id')));
      const { IsDone, IsRead } = await readBody(c, conversationUpdateInputSchema);
      db.transaction(() => {
        if (IsDone !== undefined) {
          // Done means handled: whatever was unread is read now.
          db.prepare(`UPDATE conversations SET is_done = ?${IsDone ? ', unread_count = 0' : ''} WHERE conversation_id = ?`).run(
            IsDone ? 1 : 0,
            conversation.conversation_id,
          );
        }
        if (IsRead !== undefined) {
          db.prepare(`UPDATE conversations SET unread_count = ${IsRead ? '0' : 'MAX(unread_count, 1)'} WHERE conversation_id = ?`).run(
            conversation.conversation_id,
          );
        }
      })();
      return c.json(toInboxConversation(readConversation(user, conversation.conversation_id), user.timeZone));
    });
}
