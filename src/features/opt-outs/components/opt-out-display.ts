import type { OptOutEvent, OptOutSource } from '@/api/schemas/opt-out.ts';
import type { PhoneNumberBroadcast } from '@/api/schemas/phone-number-broadcast.ts';

/** "calls and texts", "calls", "texts". */
export function channelsText(call: boolean, text: boolean): string {
  if (call && text) return 'calls and texts';
  return call ? 'calls' : 'texts';
}

export const sourceLabels: Record<OptOutSource, string> = {
  Manual: 'Added by hand',
  Keypress: 'Pressed the opt-out key on a call',
  TextReply: 'Texted a keyword',
  Import: 'Imported',
};

/** One history event as a sentence: "Opted out of calls and texts: replied STOP to broadcast 1204." */
export function describeEvent(event: OptOutEvent): string {
  const what = `${event.Action === 'OptOut' ? 'Opted out of' : 'Opted back in to'} ${channelsText(event.DoNotCall, event.DoNotText)}`;
  const by = event.User
    ? `by ${`${event.User.FirstName} ${event.User.LastName}`.trim()}`
    : event.Source === 'TextReply'
      ? 'by texting'
      : sourceLabels[event.Source].toLowerCase();
  return `${what}, ${by}`;
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

