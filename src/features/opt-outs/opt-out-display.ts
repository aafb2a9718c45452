import type { OptOutEvent } from '@contract/opt-out.ts';
import type { PhoneNumberBroadcast } from '@contract/phone-number-broadcast.ts';
import { MISSING } from '@/utils/missing.ts';

/** "calls and texts", "calls", "texts". */
export function channelsText(call: boolean | null, text: boolean | null): string {
  if (call && text) return 'calls and texts';
  return call ? 'calls' : 'texts';
}

/** How an opt-out or opt-in came about, as the end of a sentence: "replied STOP", "added by Leia Organa". */
export function reasonOf(event: OptOutEvent): string {
  const who = event.User ? `${event.User.FirstName ?? ''} ${event.User.LastName ?? ''}`.trim() : '';
  const verb = event.Action === 'OptOut' ? 'added' : 'lifted';
  switch (event.Source) {
    // The sandbox notes the keyword itself: "Replied STOP".
    case 'TextReply':
      return event.Notes ? event.Notes.charAt(0).toLowerCase() + event.Notes.slice(1) : 'texted a keyword';
    case 'Keypress':
      return 'pressed the opt-out key on a call';
    case 'Import':
      return 'imported from a file';
    case 'Manual':
      return `${verb} ${who ? `by ${who}` : 'by hand'}${event.Notes ? `: “${event.Notes}”` : ''}`;
    default:
      return MISSING;
  }
}

/** One history event as a sentence: "Opted out of calls and texts: replied STOP". */
export function describeEvent(event: OptOutEvent): string {
  const what = `${event.Action === 'OptOut' ? 'Opted out of' : 'Opted back in to'} ${channelsText(event.DoNotCall, event.DoNotText)}`;
  return `${what}: ${reasonOf(event)}`;
}

export type ChannelChoice = 'Both' | 'Call' | 'Text';

export const channelChoices: ReadonlyArray<{ value: ChannelChoice; label: string }> = [
  { value: 'Both', label: 'Calls and texts' },
  { value: 'Call', label: 'Calls only' },
  { value: 'Text', label: 'Texts only' },
];

export interface Outcome {
  label: string;
  /** null: not contacted yet. */
  reached: boolean | null;
  why: string;
}
// { label: string; reached: boolean | null; why: string };

/** What happened to the number in one broadcast, in words (docs/decisions/0011-broadcast-results.md). */
export function outcomeOf(item: PhoneNumberBroadcast): Outcome {
  const result = (item.Channel === 'Call' ? item.CallResultCategory : item.TextResultCategory) ?? '';
  const status = (item.Channel === 'Call' ? item.CallStatus : item.TextStatus) ?? '';
  switch (result) {
    case 'Delivered':
      return { label: 'Delivered', reached: true, why: 'The text reached the phone.' };
    case 'Live Answer':
      return { label: 'Answered', reached: true, why: 'A person answered the call.' };
    case 'Answering Machine':
      return { label: 'Voicemail', reached: true, why: 'The message was left on voicemail.' };
    case 'Not Delivered':
      return { label: 'Not delivered', reached: false, why: 'The carrier refused the text.' };
    case 'Invalid':
      return { label: 'Invalid', reached: false, why: 'The number cannot take texts (a landline, or not in service).' };
    case 'Invalid Number':
      return { label: 'Invalid number', reached: false, why: 'The number is not in service.' };
    case 'Busy/No Answer':
      return {
        label: 'No answer',
        reached: false,
        why: `Busy or nobody answered${item.NumberOfAttempts ? `, after ${item.NumberOfAttempts} attempt${item.NumberOfAttempts === 1 ? '' : 's'}` : ''}.`,
      };
    case 'Opted Out':
      return { label: 'Skipped', reached: false, why: `Skipped: the number had opted out of ${item.Channel === 'Call' ? 'calls' : 'texts'}.` };
  }
  if (status === 'Canceled') return { label: 'Canceled', reached: false, why: 'The broadcast was canceled before its turn.' };
  if (status === 'Expired') return { label: 'Expired', reached: false, why: 'The calling window closed before its turn.' };
  return { label: 'Waiting', reached: null, why: 'Not contacted yet.' };
}
