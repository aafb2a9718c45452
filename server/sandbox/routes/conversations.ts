import { Hono } from 'hono';
import { conversationCreateInputSchema, conversationUpdateInputSchema, textMessageInputSchema } from '../../../src/contract/conversation.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError, notFound } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';
import { phoneNumberOrError } from '../http/phone-numbers.ts';
import { parseListQuery, rawQueryPairs, safeDecode } from '../http/list-query.ts';
import {
  conversationFeedSpec,
  conversationQueries,
  findOrOpenConversation,
  queryConversationFeed,
  queryTextMessageFeed,
  textMessageFeedSpec,
  toApiConversation,
  toApiTextMessage,
  toInboxConversation,
} from '../model/conversations.ts';
import { channelSource, storedOptOut } from '../model/opt-outs.ts';
import { textNumberQueries } from '../model/text-numbers.ts';

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function formatDay(epochMs: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone });
    dayFormats.set(timeZone, format);
  }
  return format.format(epochMs);
}

/** Conversations and their texts (§10; docs/decisions/0030-conversations-and-text-messages.md). */
export function conversationRoutes({ db, clock }: SandboxDeps) {
  const conversations = conversationQueries(db);
  const textNumbers = textNumberQueries(db);

  const readConversation = (user: AuthUser, id: number) => {
    const row = conversations.byId(user, id);
    if (!row) throw notFound('Conversation', id);
    return row;
  };

  /** Refuses a text to a number that opted out of texts (400 RecipientOptedOut), saying since when and how. */
  const assertTextable = (user: AuthUser, phoneNumber: string) => {
    const stored = storedOptOut(db, user.accountId, phoneNumber);
    if (!stored) return;
    if (stored.global_opt_out === 1) {
      throw new SandboxError('RecipientOptedOut', `${phoneNumber} opted out of texts from every Text-Em-All sender; it cannot be texted.`);
    }
    if (stored.do_not_text !== 1) return;
    const since = conversations.optOutDate(user.accountId, phoneNumber);
    const how =
      channelSource(db, user.accountId, phoneNumber, 'text') === 'TextReply'
        ? 'by replying STOP; only the person can opt back in, by texting UNSTOP'
        : 'on the Opt-outs page; remove the opt-out there first if they asked to be texted again';
    throw new SandboxError('RecipientOptedOut', `${phoneNumber} opted out of texts on ${formatDay(since, user.timeZone)} ${how}.`);
  };

  return new Hono<SandboxEnv>()
    .get('/conversations', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const query = parseListQuery(url, conversationFeedSpec, user.timeZone);
      return c.json(queryConversationFeed(db, user, url, query));
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
      const row = conversations.byNumbers(user, textPhone, phone);
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
      const query = parseListQuery(url, textMessageFeedSpec, user.timeZone);
      return c.json(queryTextMessageFeed(db, user, conversation.conversation_id, url, query));
    })
    .post('/conversations', async (c) => {
      const user = c.get('user');
      const body = await readBody(c, conversationCreateInputSchema);
      const now = clock.now();
      let conversationId: number;
      if ('LastMessage' in body) {
        if (!textNumbers.byId(user.accountId, body.TextNumberID)) {
          throw new SandboxError('ValidationFailed', `TextNumberID: ${body.TextNumberID} is not one of the account's text numbers.`);
        }
        const contact = body.LastMessage.Contact;
        const phone = phoneNumberOrError('LastMessage.Contact.PrimaryPhone', contact.PrimaryPhone);
        assertTextable(user, phone);
        conversationId = conversations.openWithText({
          user,
          textNumberId: body.TextNumberID,
          phoneNumber: phone,
          contact,
          message: body.LastMessage.Message,
          at: now,
        });
      } else {
        const textNumberId = textNumbers.idByPhone(user.accountId, phoneNumberOrError('TextPhoneNumber', body.TextPhoneNumber));
        if (textNumberId === undefined) {
          throw new SandboxError('ValidationFailed', `TextPhoneNumber: ${body.TextPhoneNumber} is not one of the account's text numbers.`);
        }
        conversationId = findOrOpenConversation(db, {
          accountId: user.accountId,
          textNumberId,
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
      assertTextable(user, conversation.phone_number);
      const messageId = conversations.sendText({
        accountId: user.accountId,
        conversationId: conversation.conversation_id,
        phoneNumber: conversation.phone_number,
        body: Message,
        userId: user.userId,
        at: clock.now(),
      });
      const row = conversations.textMessageById(messageId)!;
      return c.json(toApiTextMessage(row, user.timeZone));
    })
    .put('/conversations/:id{[0-9]+}', async (c) => {
      const user = c.get('user');
      const conversation = readConversation(user, Number(c.req.param('id')));
      const { IsDone, IsRead } = await readBody(c, conversationUpdateInputSchema);
      conversations.update(conversation.conversation_id, { isDone: IsDone, isRead: IsRead });
      return c.json(toInboxConversation(readConversation(user, conversation.conversation_id), user.timeZone));
    });
}
