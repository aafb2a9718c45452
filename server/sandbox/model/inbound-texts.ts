import type { SandboxDatabase } from '../db/database.ts';
import { findOrOpenConversation, insertTextMessage } from './conversations.ts';
import { channelSource, optIn, optOut, storedOptOut } from './opt-outs.ts';
import { isStartReply, isStopReply, keywordOf } from '../../../src/contract/text-opt-out.ts';

/** A text a contact sent to one of the account's text numbers (simulated by the sandbox). */
export interface InboundText {
  accountId: number;
  textNumberId: number;
  phoneNumber: string;
  body: string;
  receivedAt: number;
  /** The broadcast whose text this answers, if any. */
  broadcastId: number | null;
}

export const OPT_OUT_CONFIRMATION = 'You have been unsubscribed and will receive no more messages from this number. Reply UNSTOP to resubscribe.';
export const OPT_IN_CONFIRMATION = 'You have been resubscribed and will receive messages from this number again. Reply STOP to opt out.';

export { isStartReply, isStopReply };

/**
 * Files an inbound text: opens (or reopens) the conversation, stores the message as unread, and honours the
 * keywords (docs/decisions/0031-simulated-texting.md). A STOP opts the number out of texts and voice, flags the
 * conversation `IsAutoOptOut` and is answered once with a confirmation; UNSTOP or START opts it back in.
 */
export function receiveInboundText(db: SandboxDatabase, text: InboundText): { conversationId: number; optedOut: boolean } {
  return db.transaction(() => {
    const conversationId = findOrOpenConversation(db, {
      accountId: text.accountId,
      textNumberId: text.textNumberId,
      phoneNumber: text.phoneNumber,
      userId: null,
      broadcastId: text.broadcastId,
      at: text.receivedAt,
    });
    insertTextMessage(db, {
      conversationId,
      direction: 'Inbound',
      body: text.body,
      status: 'Received',
      broadcastId: text.broadcastId,
      at: text.receivedAt,
    });
    db.prepare(
      `UPDATE conversations SET is_done = 0, unread_count = unread_count + 1, broadcast_id = COALESCE(?, broadcast_id)
       WHERE conversation_id = ?`,
    ).run(text.broadcastId, conversationId);
    if (text.broadcastId !== null) {
      db.prepare('UPDATE broadcasts SET text_replies = text_replies + 1 WHERE broadcast_id = ?').run(text.broadcastId);
    }

    const confirm = (body: string) => insertTextMessage(db, { conversationId, direction: 'Outbound', body, status: 'Delivered', at: text.receivedAt + 1000 });

    const optedOut = isStopReply(text.body);
    if (optedOut) {
      // A text opt-out blocks voice too (support: "A text opt-out blocks both voice and text").
      const added = optOut(db, {
        accountId: text.accountId,
        phoneNumber: text.phoneNumber,
        call: true,
        text: true,
        source: 'TextReply',
        notes: `Replied ${keywordOf(text.body)}`,
        broadcastId: text.broadcastId,
        at: text.receivedAt,
      });
      db.prepare('UPDATE conversations SET is_auto_opt_out = 1 WHERE conversation_id = ?').run(conversationId);
      if (text.broadcastId !== null) {
        db.prepare('UPDATE broadcasts SET text_opted_out = text_opted_out + 1 WHERE broadcast_id = ?').run(text.broadcastId);
      }
      // Answered once: a number already opted out of texts gets no second confirmation.
      if (added.text) confirm(OPT_OUT_CONFIRMATION);
    } else if (isStartReply(text.body) && storedOptOut(db, text.accountId, text.phoneNumber)?.do_not_text === 1) {
      // The STOP also blocked voice; a voice opt-out made some other way (a keypress, the office) stands.
      const liftCall = channelSource(db, text.accountId, text.phoneNumber, 'call') === 'TextReply';
      optIn(db, {
        accountId: text.accountId,
        phoneNumber: text.phoneNumber,
        call: liftCall,
        text: true,
        source: 'TextReply',
        notes: `Replied ${keywordOf(text.body)}`,
        broadcastId: text.broadcastId,
        at: text.receivedAt,
      });
      db.prepare('UPDATE conversations SET is_auto_opt_out = 0 WHERE account_id = ? AND phone_number = ?').run(text.accountId, text.phoneNumber);
      confirm(OPT_IN_CONFIRMATION);
    }
    return { conversationId, optedOut };
  })();
}
