import { broadcastIdOf, type Broadcast, type BroadcastUser } from '@contract/broadcast.ts';
import { normalizePhoneNumber } from '@contract/phone-number.ts';
import { parseApiDate } from '@/utils/format-date.ts';
import { todayInZone } from '@/utils/us-states.ts';
import { needsOf, parsePastedNumbers, type BroadcastDraft } from './broadcast-draft.ts';
import { peopleOfCsv } from './recipient-file.ts';

/*
 * The double-send guard's rules (docs/decisions/0188-double-send-guard.md): which recent broadcasts count, when a
 * name or a message is "similar", and when two audiences are "mostly the same people".
 */

/** A broadcast counts when it went out in the last 24 hours, or is still to go out. */
export const DOUBLE_SEND_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Two names or two texts are similar at this Dice coefficient of their letter pairs, or above. */
export const SIMILARITY_THRESHOLD = 0.8;
/** Audiences overlap when at least this share of the new broadcast's numbers got the earlier one. */
export const MOST_SHARED = 0.5;

/** Lower case, accents and punctuation dropped, spaces collapsed: "Snow-day  CLOSURE!" → "snow day closure". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function letterPairs(text: string): Map<string, number> {
  const pairs = new Map<string, number>();
  for (let index = 0; index < text.length - 1; index += 1) {
    const pair = text.slice(index, index + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

/**
 * How alike two texts read, from 0 to 1: the Sørensen–Dice coefficient of their letter pairs after `normalizeText`.
 * Word order matters little and a changed word or two keeps it high; an empty text is like nothing.
 */
export function textSimilarity(a: string, b: string): number {
  const left = normalizeText(a);
  const right = normalizeText(b);
  if (left === '' || right === '') return 0;
  if (left === right) return 1;
  const leftPairs = letterPairs(left);
  const rightPairs = letterPairs(right);
  let shared = 0;
  let total = 0;
  for (const count of leftPairs.values()) total += count;
  for (const [pair, count] of rightPairs) {
    total += count;
    shared += Math.min(count, leftPairs.get(pair) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

export const isSimilarText = (a: string | null | undefined, b: string | null | undefined): boolean => textSimilarity(a ?? '', b ?? '') >= SIMILARITY_THRESHOLD;

/** What of the new broadcast is compared: its name and message. */
export interface OutgoingMessage {
  name: string;
  /** The text, for a broadcast that texts; null otherwise. */
  text: string | null;
  /** The library recording it plays, when one was chosen. */
  audioId: string | null;
}

export function outgoingMessageOf(draft: BroadcastDraft): OutgoingMessage {
  const needs = needsOf(draft.type);
  const { audio } = draft.message;
  return {
    name: draft.type.name.trim(),
    text: needs.text ? draft.message.textMessage.trim() : null,
    audioId: needs.voice && audio?.source === 'library' ? audio.audioId : null,
  };
}

export type Likeness = 'name' | 'message' | 'both';

/** Why an earlier broadcast reads like this one: a similar name, the same or a similar message, both, or neither. */
export function likenessOf(outgoing: OutgoingMessage, earlier: Broadcast): Likeness | null {
  const name = isSimilarText(outgoing.name, earlier.BroadcastName);
  const message =
    (outgoing.text !== null && isSimilarText(outgoing.text, earlier.TextMessage)) || (outgoing.audioId !== null && earlier.Audio?.AudioID === outgoing.audioId);
  if (name && message) return 'both';
  return name ? 'name' : message ? 'message' : null;
}

/** The moment a broadcast starts (or started), or null when its StartDate cannot be read. */
const startOf = (broadcast: Pick<Broadcast, 'StartDate'>): number | null => parseApiDate(broadcast.StartDate)?.instant.getTime() ?? null;

/**
 * Whether a broadcast counts: not canceled (nothing more goes out), and started at most 24 hours before `now` or
 * still to start (scheduled, or held for an undo window). Expired and paused ones count: some numbers got them.
 */
export function countsForGuard(broadcast: Pick<Broadcast, 'StartDate' | 'BroadcastStatus'>, now: number): boolean {
  if (broadcast.BroadcastStatus === 'Canceled') return false;
  const start = startOf(broadcast);
  return start !== null && start >= now - DOUBLE_SEND_WINDOW_MS;
}

/**
 * The day the list query starts from, `yyyy-MM-dd` in the user's zone: the documented filter is by day
 * (`StartDate~gte~2014-01-01`), so the query takes the whole first day and `countsForGuard` keeps the last 24 hours.
 */
export const windowStartDay = (now: number, timeZone: string): string => todayInZone(timeZone, new Date(now - DOUBLE_SEND_WINDOW_MS));

export interface SimilarBroadcast {
  broadcast: Broadcast;
  id: number;
  likeness: Likeness;
  /** The other half of a combo: its numbers count too (an "Or" combo texts some people and calls the others). */
  halves: number[];
}

/**
 * The earlier broadcasts that look like this one, latest first. Of a combo's two halves only one is kept: they are
 * one send.
 */
export function similarRecentBroadcasts(outgoing: OutgoingMessage, broadcasts: readonly Broadcast[], now: number): SimilarBroadcast[] {
  const found: SimilarBroadcast[] = [];
  const halves = new Set<number>();
  const byStart = [...broadcasts].sort((a, b) => (startOf(b) ?? 0) - (startOf(a) ?? 0));
  for (const broadcast of byStart) {
    const id = broadcastIdOf(broadcast);
    if (id === undefined || halves.has(id) || !countsForGuard(broadcast, now)) continue;
    const likeness = likenessOf(outgoing, broadcast);
    if (likeness === null) continue;
    // The other half of a combo carries this one's message too; one entry names the send.
    const other = [broadcast.CallBroadcastID, broadcast.TextBroadcastID].filter((half): half is number => !!half && half !== id);
    if (found.some((match) => other.includes(match.id))) continue;
    for (const half of other) halves.add(half);
    found.push({ broadcast, id, likeness, halves: other });
  }
  return found;
}

/** The numbers of a broadcast's audience known in the browser, and the lists whose members must be read. */
export interface KnownAudience {
  numbers: Set<string>;
  listIds: number[];
  primaryOnly: boolean;
  /** People of uploaded files the draft did not keep (large files): not compared. */
  unread: number;
  excluded: Set<string>;
}

export const phoneDigits = (phone: string | null | undefined): string | null => {
  const check = normalizePhoneNumber(phone ?? '');
  return check.ok ? check.digits : null;
};

export function knownAudienceOf(draft: BroadcastDraft): KnownAudience {
  const { recipients } = draft;
  const numbers = new Set<string>();
  const add = (phone: string | null | undefined) => {
    const digits = phoneDigits(phone);
    if (digits) numbers.add(digits);
  };
  for (const contact of recipients.contacts) add(contact.phone);
  for (const phone of parsePastedNumbers(recipients.pasted).valid) numbers.add(phone);
  for (const person of recipients.carried?.people ?? []) add(person.PrimaryPhone);
  let unread = 0;
  for (const file of recipients.files) {
    if (file.csv === undefined) unread += file.rows;
    else {
      for (const person of peopleOfCsv(file.csv)) {
        for (const phone of recipients.primaryOnly ? [person.PrimaryPhone] : [person.PrimaryPhone, person.SecondaryPhone, person.TertiaryPhone]) add(phone);
      }
    }
  }
  const excluded = new Set(recipients.excluded.map((person) => phoneDigits(person.phone)).filter((digits): digits is string => digits !== null));
  return { numbers, listIds: recipients.lists.map((list) => list.id), primaryOnly: recipients.primaryOnly, unread, excluded };
}

const notReachedResults = new Set(['Busy/No Answer', 'Invalid Number', 'Not Delivered', 'Invalid', 'Opted Out']);
const stillTrying = new Set(['Pending', 'In Progress', 'Retry Pending']);

/**
 * Whether an earlier broadcast's number got it, or may still: not a number whose last result says it was not reached
 * (busy or no answer with no retry left, invalid, not delivered, opted out), nor one canceled or expired before its
 * turn. A "send again" to the busy numbers is then no repeat. Results the sources do not name (`Sent`) count as reached.
 */
export function reachedBy(detail: {
  CallResultCategory?: string | null;
  CallStatus?: string | null;
  TextResultCategory?: string | null;
  TextStatus?: string | null;
}): boolean {
  const result = detail.CallResultCategory || detail.TextResultCategory || '';
  const status = detail.CallStatus || detail.TextStatus || '';
  if (stillTrying.has(status)) return true;
  if (result === '') return status !== 'Canceled' && status !== 'Expired';
  return !notReachedResults.has(result);
}

/** How many of our numbers the earlier broadcast reached, out of how many of ours are known. */
export interface Overlap {
  shared: number;
  ours: number;
}

export function overlapOf(ours: ReadonlySet<string>, theirs: Iterable<string>): Overlap {
  let shared = 0;
  const seen = new Set<string>();
  for (const number of theirs) {
    if (seen.has(number)) continue;
    seen.add(number);
    if (ours.has(number)) shared += 1;
  }
  return { shared, ours: ours.size };
}

/** "Most of the same numbers": at least half of the new broadcast's known numbers got the earlier one. */
export const isMostlyTheSame = ({ shared, ours }: Overlap): boolean => ours > 0 && shared / ours >= MOST_SHARED;

/** Who sent it, in words: "you", their name, their user name, or "user 12" (decision 0081). */
export function senderOf(user: BroadcastUser | null | undefined, currentUserId: number): string {
  if (!user) return 'someone on the account';
  if (user.UserID === currentUserId) return 'you';
  const name = `${user.FirstName ?? ''} ${user.LastName ?? ''}`.trim();
  return name || user.UserName || `user ${user.UserID}`;
}
