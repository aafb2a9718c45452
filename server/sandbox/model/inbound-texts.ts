import type { SandboxDatabase } from '../db/database.ts';

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

/** Replies that opt a number out of texts (support articles; the issue adds QUIT and STOP ALL). */
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'STOP ALL', 'QUIT', 'END', 'CANCEL', 'UNSUBSCRIBE']);

export const OPT_OUT_CONFIRMATION =
  'You have been unsubscribed and will receive no more messages from this number. Reply UNSTOP to resubscribe.';

export function isStopReply(body: string): boolean {
  return STOP_WORDS.has(body.trim().replace(/[.!]+$/, '').replace(/\s+/g, ' ').toUpperCase());
}

/**
 * Files an inbound text: opens (or reopens) the conversation, stores the message, and honours a STOP: the number
 * is opted out of texts and voice, the conversation is flagged `IsAutoOptOut`, and one confirmation goes back.
 */
export function receiveInboundText(db: SandboxDatabase, text: InboundText): { conversationId: number; optedOut: boolean } {
  return db.transaction(() => {
    const existing = db
      .prepare<[number, string], { conversation_id: number }>(
        'SELECT conversation_id FROM conversations WHERE text_number_id = ? AND phone_number = ?',
      )
      .get(text.textNumberId, text.phoneNumber);
    const conversationId =
      existing?.conversation_id ??
      Number(
        db
          .prepare(
            `INSERT INTO conversations (account_id, text_number_id, phone_number, broadcast_id, created_at)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .run(text.accountId, text.textNumberId, text.phoneNumber, text.broadcastId, text.receivedAt).lastInsertRowid,
      );

    const insertMessage = db.prepare(
      `INSERT INTO text_messages (conversation_id, direction, body, status, broadcast_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const messageId = Number(
      insertMessage.run(conversationId, 'Inbound', text.body, 'Received', text.broadcastId, text.receivedAt).lastInsertRowid,
    );
    db.prepare(
      `UPDATE conversations SET is_done = 0, unread_count = unread_count + 1, last_message_id = ?, last_message_at = ?,
         broadcast_id = COALESCE(?, broadcast_id)
       WHERE conversation_id = ?`,
    ).run(messageId, text.receivedAt, text.broadcastId, conversationId);
    if (text.broadcastId !== null) {
      db.prepare('UPDATE broadcasts SET text_replies = text_replies + 1 WHERE broadcast_id = ?').run(text.broadcastId);
    }

    const optedOut = isStopReply(text.body);
    if (optedOut) {
      const already = db
        .prepare<[number, string], { do_not_text: number }>(
          'SELECT do_not_text FROM opt_outs WHERE account_id = ? AND phone_number = ?',
        )
        .get(text.accountId, text.phoneNumber);
      // A text opt-out blocks voice too (support: "A text opt-out blocks both voice and text").
      db.prepare(
        `INSERT INTO opt_outs (account_id, phone_number, do_not_call, do_not_text, source, opt_out_date)
         VALUES (?, ?, 1, 1, 'TextReply', ?)
         ON CONFLICT(account_id, phone_number) DO UPDATE SET do_not_call = 1, do_not_text = 1, source = 'TextReply',
           opt_out_date = excluded.opt_out_date`,
      ).run(text.accountId, text.phoneNumber, text.receivedAt);
      db.prepare(
        `INSERT INTO opt_out_events (account_id, phone_number, action, do_not_call, do_not_text, source, broadcast_id, created_at)
         VALUES (?, ?, 'OptOut', 1, 1, 'TextReply', ?, ?)`,
      ).run(text.accountId, text.phoneNumber, text.broadcastId, text.receivedAt);
      db.prepare(
        `UPDATE contacts SET optin_primary = CASE WHEN primary_phone = ? THEN 'OptedOut' ELSE optin_primary END,
           optin_secondary = CASE WHEN secondary_phone = ? THEN 'OptedOut' ELSE optin_secondary END,
           optin_tertiary = CASE WHEN tertiary_phone = ? THEN 'OptedOut' ELSE optin_tertiary END
         WHERE account_id = ? AND (primary_phone = ? OR secondary_phone = ? OR tertiary_phone = ?)`,
      ).run(text.phoneNumber, text.phoneNumber, text.phoneNumber, text.accountId, text.phoneNumber, text.phoneNumber, text.phoneNumber);
      db.prepare('UPDATE conversations SET is_auto_opt_out = 1 WHERE conversation_id = ?').run(conversationId);
      if (text.broadcastId !== null) {
        db.prepare('UPDATE broadcasts SET text_opted_out = text_opted_out + 1 WHERE broadcast_id = ?').run(text.broadcastId);
      }
      // Answered once: a number already opted out gets no second confirmation.
      if (!already?.do_not_text) {
        const confirmationId = Number(
          insertMessage.run(conversationId, 'Outbound', OPT_OUT_CONFIRMATION, 'Delivered', null, text.receivedAt + 1000)
            .lastInsertRowid,
        );
        db.prepare('UPDATE conversations SET last_message_id = ?, last_message_at = ? WHERE conversation_id = ?').run(
          confirmationId,
          text.receivedAt + 1000,
          conversationId,
        );
      }
    }
    return { conversationId, optedOut };
  })();
}
