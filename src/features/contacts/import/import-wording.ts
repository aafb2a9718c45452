import type { ContactImportResult } from '@contract/contact-import.ts';
import { formatCount, formatCountOf } from '@/utils/format-number.ts';

/*
 * The import's counts in words. The review's sentence and its button use the same counts, so the screen never
 * shows two numbers that seem to disagree (joining the list also counts contacts the file leaves unchanged).
 */

/** What the file does to the target list, in words that agree with the counts beside them. */
export function listSentence(result: ContactImportResult, listName: string, done: boolean, notOffered?: string): string {
  const left = result.ExistingNotAddedToList ?? 0;
  const leftOut = left > 0 ? ` ${formatCountOf(left, 'contact', 'contacts')} you already had could not join it.${notOffered ? ` ${notOffered}` : ''}` : '';
  return listJoinSentence(result, listName, done) + leftOut;
}

function listJoinSentence(result: ContactImportResult, listName: string, done: boolean): string {
  const already = Math.max(0, result.AddedToList - result.New);
  const joining = `${formatCountOf(result.AddedToList, 'contact', 'contacts')} ${done ? 'joined' : 'will join'} ${listName}`;
  if (already === 0 || result.AddedToList === 0) return `${joining}.`;
  if (result.New === 0) return `${joining}, ${already === 1 ? 'already one of your contacts' : 'all already among your contacts'}.`;
  return `${joining}: the ${formatCountOf(result.New, 'new one', 'new ones')} and ${formatCount(already)} you already had.`;
}

/**
 * The button's words for what the import will do, with the counts of the figures and the list sentence: one action
 * is named with its noun ("Import 3 contacts"), several as a list ("Create 5,000, update 210 and add 211 existing
 * to Staff").
 */
export function importActionLabel(result: ContactImportResult, listName: string | null): string {
  const { New: created, Updated: updated } = result;
  const list = listName ?? 'the list';
  const existingJoining = Math.max(0, result.AddedToList - created);
  const parts = [
    created > 0 && { alone: `Import ${formatCountOf(created, 'contact', 'contacts')}`, listed: `create ${formatCount(created)}` },
    updated > 0 && { alone: `Update ${formatCountOf(updated, 'contact', 'contacts')}`, listed: `update ${formatCount(updated)}` },
    existingJoining > 0 && {
      alone: `Add ${formatCountOf(existingJoining, 'contact', 'contacts')} to ${list}`,
      listed: `add ${formatCount(existingJoining)} existing to ${list}`,
    },
  ].filter((part) => part !== false);
  if (parts.length === 0) return 'Nothing to import';
  if (parts.length === 1) return parts[0]!.alone;
  const listed = parts.map((part) => part.listed);
  const sentence = `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
  return sentence[0]!.toUpperCase() + sentence.slice(1);
}
