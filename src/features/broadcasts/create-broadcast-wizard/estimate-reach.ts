import { callCredits, maxCreditCost } from '@contract/credits.ts';
import { countSegments } from '@contract/sms-segments.ts';
import { needsOf, parsePastedNumbers, type BroadcastDraft } from './broadcast-draft.ts';

/** The reach and cost line worked out here, when the API has no preview route (decision 0132). */
export interface ReachEstimate {
  /** Everyone chosen: list sizes, contacts, uploaded rows and pasted numbers, before opt-outs and duplicates. */
  people: number;
  /** At most this many calls and texts. */
  CallCount: number;
  TextCount: number;
  MaxCreditCost: number;
  /** Null until the account's balance is known. */
  AvailableCredits: number | null;
}

/** The length priced for a call whose message length is not known here (the preview does the same). */
const TYPICAL_MESSAGE_SECONDS = 30;

/**
 * An upper bound from what the draft itself says: every list member, contact, uploaded row and pasted number is
 * called and texted as its type allows, and each text is as long as the message typed. Opt-outs, duplicates and
 * landlines (which an "Or" combo calls instead of texting) can only lower it.
 */
export function estimateReach(draft: BroadcastDraft, availableCredits: number | null): ReachEstimate {
  const { recipients, message, schedule } = draft;
  const people =
    recipients.lists.reduce((sum, list) => sum + list.count, 0) +
    recipients.contacts.length +
    recipients.files.reduce((sum, file) => sum + file.rows, 0) +
    (recipients.carried?.people.length ?? 0) +
    parsePastedNumbers(recipients.pasted).valid.length;
  const needs = needsOf(draft.type);
  const calls = needs.voice ? people : 0;
  const texts = needs.text ? people : 0;
  const segments = needs.text ? Math.max(1, countSegments(message.textMessage).segments) : 0;
  const perCall = callCredits(Math.min(TYPICAL_MESSAGE_SECONDS, schedule.maxMessageLength), schedule.maxMessageLength);
  // An "Or" combo sends each person one or the other: the dearer of the two bounds its cost.
  const cost =
    draft.type.channel === 'both' && draft.type.combo === 'or' ? people * Math.max(perCall, segments * 0.5) : maxCreditCost(calls, perCall, texts, segments);
  return { people, CallCount: calls, TextCount: texts, MaxCreditCost: Math.round(cost * 100) / 100, AvailableCredits: availableCredits };
}
