import type { SandboxDatabase } from '../db/database.ts';
import { receiveInboundText, type InboundText } from '../model/inbound-texts.ts';
import { markedNotTextableSql } from '../model/phone-contacts.ts';
import { scheduleEvent, type EventHandler } from './scheduled-events.ts';

/**
 * Conversation texts on the sandbox clock (docs/decisions/0031-simulated-texting.md): a sent text is delivered
 * (or fails, for a number known to be a landline), and some recipients answer, as a hash of the number and
 * the text decides, so the same text to the same number always gets the same answer at the same delay.
 */

/** 32-bit FNV-1a: small, stable across machines and Node versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const ANSWERS = [
  'Thanks!',
  'Got it, thank you.',
  'Ok 👍',
  'Will do.',
  'What time does it start?',
  'Can someone call me about this?',
  'Who is this?',
  'Thank you for letting us know!',
  'We will be there.',
  'Is this for Lincoln or Roosevelt?',
  'Sounds good',
  'Yes',
  'No, sorry, we can’t make it.',
  'Does this apply to the bus riders too?',
] as const;
const STOP_ANSWERS = ['STOP', 'Stop', 'UNSUBSCRIBE', 'stop all', 'Quit', 'CANCEL', 'End'] as const;

export interface SimulatedReply {
  body: string;
  delayMs: number;
}

/**
 * The answer a recipient sends to a delivered text, or null for none: 48 % answer, 12 % answer with a STOP
 * word, 40 % stay silent; answers come 1 to 15 minutes after delivery.
 */
export function simulatedReply(phoneNumber: string, body: string): SimulatedReply | null {
  const hash = fnv1a(`${phoneNumber}|${body}`);
  const roll = hash % 100;
  if (roll < 40) return null;
  const pick = Math.floor(hash / 100);
  const delayMs = (1 + (Math.floor(hash / 10_000) % 15)) * 60_000;
  if (roll < 88) return { body: ANSWERS[pick % ANSWERS.length]!, delayMs };
  return { body: STOP_ANSWERS[pick % STOP_ANSWERS.length]!, delayMs };
}

interface DeliveryRow {
  message_id: number;
  body: string;
  status: string;
  user_id: number | null;
  account_id: number;
  text_number_id: number;
  phone_number: string;
  conversation_id: number;
  landline: number;
}

function deliverText(db: SandboxDatabase, payload: unknown, dueAt: number) {
  const { messageId } = payload as { messageId: number };
  const row = db
    .prepare<[number], DeliveryRow>(
      `SELECT m.message_id, m.body, m.status, m.user_id, c.account_id, c.text_number_id, c.phone_number, c.conversation_id,
         (${markedNotTextableSql('c.account_id', 'c.phone_number')}) AS landline
       FROM text_messages m JOIN conversations c ON c.conversation_id = m.conversation_id
       WHERE m.message_id = ?`,
    )
    .get(messageId);
  if (!row || row.status !== 'Queued') return;
  const delivered = row.landline === 0;
  db.prepare('UPDATE text_messages SET status = ? WHERE message_id = ?').run(delivered ? 'Delivered' : 'Failed', messageId);
  if (!delivered || row.user_id === null) return;
  const reply = simulatedReply(row.phone_number, row.body);
  if (!reply) return;
  const inbound: InboundText = {
    accountId: row.account_id,
    textNumberId: row.text_number_id,
    phoneNumber: row.phone_number,
    body: reply.body,
    receivedAt: dueAt + reply.delayMs,
    broadcastId: null,
  };
  scheduleEvent(db, inbound.receivedAt, 'inbound-text', inbound);
}

export const textEventHandlers: Record<string, EventHandler> = {
  /** A conversation text reaches the carrier's verdict. Payload: `{ messageId }`. */
  'text-delivery': deliverText,
  /** A contact's text arrives. Payload: an InboundText. */
  'inbound-text': (db, payload) => {
    receiveInboundText(db, payload as InboundText);
  },
};
