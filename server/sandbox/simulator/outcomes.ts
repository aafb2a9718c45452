/**
 * What happens when the sandbox calls or texts a number: decided by a hash of the phone number, the broadcast and
 * the attempt, so the same broadcast to the same numbers always turns out the same (tests assert exact counts).
 * The mix follows typical voice-broadcast results: about half answered by a person, a third by a machine.
 */

/** FNV-1a, 32 bit: fast, well spread, and stable across machines and Node versions. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  // One extra avalanche round so near-identical inputs land far apart.
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  return (value >>> 0) / 4294967296;
}

/** A number's line type: about a quarter are landlines, which cannot receive texts. */
export function isLandline(phoneNumber: string): boolean {
  return hash(`${phoneNumber}:line`) < 0.25;
}

/** About 2% of numbers are disconnected or otherwise invalid for calls. */
export function isDisconnected(phoneNumber: string): boolean {
  return hash(`${phoneNumber}:disconnected`) < 0.02;
}

export type CallResult = 'Live Answer' | 'Answering Machine' | 'Busy/No Answer' | 'Invalid Number';

export interface CallOutcome {
  result: CallResult;
  /** Seconds the line is busy with this attempt. */
  lineSeconds: number;
  /** Seconds of message played (what connected calls are billed on). */
  playedSeconds: number;
  /** The key pressed, for surveys answered by a person. */
  surveyKey: string | null;
  /** Seconds spent transferred, when the person asked to be connected. */
  transferSeconds: number;
}

export interface CallContext {
  broadcastId: number;
  attempt: number;
  /** Seconds of the message (the audio, at most MaxMessageLength). */
  messageSeconds: number;
  /** Keys a survey offers, e.g. ['1', '2']; empty for announcements. */
  surveyKeys: readonly string[];
  /** The key that transfers, when transfer-and-connect is on. */
  transferDigit: string | null;
}

const RING_SECONDS = 28;

export function callOutcome(phoneNumber: string, context: CallContext): CallOutcome {
  const none = { surveyKey: null, transferSeconds: 0 };
  if (isDisconnected(phoneNumber)) return { result: 'Invalid Number', lineSeconds: 6, playedSeconds: 0, ...none };
  const roll = hash(`${phoneNumber}:${context.broadcastId}:${context.attempt}`);
  if (roll < 0.22) return { result: 'Busy/No Answer', lineSeconds: RING_SECONDS, playedSeconds: 0, ...none };
  if (roll < 0.52) {
    return { result: 'Answering Machine', lineSeconds: 14 + context.messageSeconds, playedSeconds: context.messageSeconds, ...none };
  }
  // A person answered: they may press a survey key, or the transfer digit.
  const pick = hash(`${phoneNumber}:${context.broadcastId}:key`);
  let surveyKey: string | null = null;
  if (context.surveyKeys.length > 0 && pick < 0.88) {
    // Earlier options are picked more often, like real answers to "press 1 for yes".
    const weights = context.surveyKeys.map((_, index) => 1 / (index + 1.5));
    let remaining = (pick / 0.88) * weights.reduce((sum, weight) => sum + weight, 0);
    surveyKey = context.surveyKeys[context.surveyKeys.length - 1]!;
    for (const [index, weight] of weights.entries()) {
      remaining -= weight;
      if (remaining < 0) {
        surveyKey = context.surveyKeys[index]!;
        break;
      }
    }
  }
  const transfers = context.transferDigit !== null && hash(`${phoneNumber}:${context.broadcastId}:transfer`) < 0.15;
  const transferSeconds = transfers ? 60 + Math.floor(hash(`${phoneNumber}:${context.broadcastId}:talk`) * 540) : 0;
  return {
    result: 'Live Answer',
    lineSeconds: 4 + context.messageSeconds + (surveyKey ? 3 : 0) + transferSeconds,
    playedSeconds: context.messageSeconds,
    // Asking to be transferred is not an answer to the survey.
    surveyKey: transfers ? null : surveyKey,
    transferSeconds,
  };
}

export type TextResult = 'Delivered' | 'Not Delivered' | 'Invalid';

export interface TextOutcome {
  result: TextResult;
  /** A reply, if the person writes back, and how many minutes after delivery. */
  reply: { body: string; afterMinutes: number } | null;
}

const REPLIES = [
  'Thank you!',
  'Got it, thanks',
  'Ok',
  'Will the buses run on the normal schedule?',
  'Is this about tomorrow or today?',
  'Can you call me back please?',
  'Thanks for letting us know 👍',
  'Who is this?',
  'Received. See you there.',
  'What time does it start?',
];
const STOP_REPLIES = ['STOP', 'Stop', 'UNSUBSCRIBE', 'stop please', 'QUIT', 'END'];

export function textOutcome(phoneNumber: string, broadcastId: number, notTextable = false): TextOutcome {
  if (notTextable || isLandline(phoneNumber) || isDisconnected(phoneNumber)) return { result: 'Invalid', reply: null };
  if (hash(`${phoneNumber}:${broadcastId}:text`) < 0.04) return { result: 'Not Delivered', reply: null };
  const replyRoll = hash(`${phoneNumber}:${broadcastId}:reply`);
  if (replyRoll >= 0.1) return { result: 'Delivered', reply: null };
  const wording = hash(`${phoneNumber}:${broadcastId}:wording`);
  const afterMinutes = 1 + Math.floor(hash(`${phoneNumber}:${broadcastId}:delay`) * 90);
  // About one reply in seven is a request to stop.
  const body =
    wording < 0.14 ? STOP_REPLIES[Math.floor((wording / 0.14) * STOP_REPLIES.length)]! : REPLIES[Math.floor(((wording - 0.14) / 0.86) * REPLIES.length)]!;
  return { result: 'Delivered', reply: { body, afterMinutes } };
}
