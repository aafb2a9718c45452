import { formatCountOf } from '@/utils/format-number.ts';
import { broadcastTypeOf, parsePastedNumbers, typeWords, type BroadcastDraft } from './broadcast-draft.ts';

/** How a draft is named in the Drafts tab: its name, or "Untitled broadcast" until it has one. */
export const draftName = (draft: BroadcastDraft) => draft.type.name.trim() || 'Untitled broadcast';

/** The draft's type in the user's words ("A text message"). */
export const draftTypeWords = (draft: BroadcastDraft) => typeWords[broadcastTypeOf(draft.type)];

const joinWords = (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

/** Who the draft is for, as chosen so far: "Board Members, 1 contact and 2 numbers", or "No recipients yet". */
export function draftRecipients({ recipients }: BroadcastDraft): string {
  const parts: string[] = [];
  if (recipients.lists.length > 0 && recipients.lists.length <= 2) parts.push(...recipients.lists.map((list) => list.name));
  else if (recipients.lists.length > 2) parts.push(formatCountOf(recipients.lists.length, 'list', 'lists'));
  if (recipients.contacts.length > 0) parts.push(formatCountOf(recipients.contacts.length, 'contact', 'contacts'));
  const pasted = parsePastedNumbers(recipients.pasted).valid.length;
  if (pasted > 0) parts.push(formatCountOf(pasted, 'number', 'numbers'));
  if (recipients.files.length > 0) parts.push(formatCountOf(recipients.files.length, 'file', 'files'));
  if (recipients.carried && recipients.carried.people.length > 0) {
    parts.push(`${formatCountOf(recipients.carried.people.length, 'person', 'people')} from ${recipients.carried.label}`);
  }
  return parts.length === 0 ? 'No recipients yet' : joinWords(parts);
}

const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
const dateTime = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/**
 * When the draft last changed, by this device's clock (drafts are saved by it, not by the sandbox's):
 * "just now", "12 minutes ago", "yesterday", then the date.
 */
export function draftChangedWhen(savedAt: number, now: number = Date.now()): string {
  const seconds = Math.round((savedAt - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 6 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  return dateTime.format(savedAt);
}

/** The exact time of the last change, for a tooltip and screen readers. */
export const draftChangedAt = (savedAt: number) => dateTime.format(savedAt);
