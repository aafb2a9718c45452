/**
 * What texting does about opting out, shared by the sandbox (which acts on it) and the dashboard (which counts and
 * shows it): the notice added to a first text, and the reply keywords (docs/decisions/0031-simulated-texting.md).
 */

/** Added to the first text the account ever sends a number (support: "Reply STOP to stop anytime"). */
export const OPT_OUT_NOTICE = 'Reply STOP to opt out.';

/** A text as it goes out when it is the first one to its number: the notice after a blank line. */
export function withOptOutNotice(body: string): string {
  return `${body}\n\n${OPT_OUT_NOTICE}`;
}

/** Replies that opt a number out of texts (support articles; the issue adds QUIT and STOP ALL). */
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'STOP ALL', 'QUIT', 'END', 'CANCEL', 'UNSUBSCRIBE']);
/** Replies that opt it back in (support: UNSTOP; START is the carriers' own keyword for it). */
const START_WORDS = new Set(['UNSTOP', 'START']);

/** The reply as a keyword: trimmed, upper case, single spaces, trailing punctuation dropped. */
export function keywordOf(body: string): string {
  return body
    .trim()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .toUpperCase();
}

/** The whole reply is a STOP keyword: the service opts the number out. */
export function isStopReply(body: string): boolean {
  return STOP_WORDS.has(keywordOf(body));
}

export function isStartReply(body: string): boolean {
  return START_WORDS.has(keywordOf(body));
}

/**
 * Words that, inside a longer reply, suggest the person wants no more texts ("stop please", "please unsubscribe
 * me", "take me off your list"). The service does not act on them (only a whole-text keyword counts); the inbox
 * flags them for a person to decide (docs/decisions/0142-replies-that-ask-to-stop.md).
 */
const ASKS_TO_STOP = [
  /\bstop\b/,
  /\bunsubscribe\b/,
  /\bopt(?:ing)?[\s-]?out\b/,
  /\bremove me\b/,
  /\btake me off\b/,
  /\b(?:don'?t|do not|no more) (?:text|message|contact|call)/,
  /\bstop (?:texting|messaging|calling)\b/,
];

/** A reply that may ask to stop, though it is not a keyword the service acts on. */
export function mayAskToStop(body: string | null | undefined): boolean {
  if (!body || isStopReply(body) || isStartReply(body)) return false;
  const text = body
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'");
  return ASKS_TO_STOP.some((pattern) => pattern.test(text));
}
