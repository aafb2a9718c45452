import type { PersonInput } from '@contract/contact.ts';
import { mergeFields, usedMergeFields, type MergeField, type MergeValues } from '@contract/merge-fields.ts';
import type { BroadcastDraft } from './broadcast-draft.ts';
import { peopleOfCsv } from './recipient-file.ts';

/** The fallbacks the wizard writes into recipients without a value of their own for a merge field (decision 0152). */

export const noFallbacks: MergeValues = { FirstName: '', LastName: '', Notes: '', IntegrationData: '' };

/** The merge fields a draft's text message uses (none when it sends no text). */
export const mergeFieldsOf = (draft: BroadcastDraft): MergeField[] => (draft.type.channel === 'voice' ? [] : usedMergeFields(draft.message.textMessage));

/** The fallback of each used merge field that has one. */
function activeFallbacks(draft: BroadcastDraft, fields: readonly MergeField[] = mergeFields): Array<[MergeField, string]> {
  const used = mergeFieldsOf(draft);
  return used
    .filter((field) => fields.includes(field) && draft.mergeFallbacks[field].trim() !== '')
    .map((field) => [field, draft.mergeFallbacks[field].trim()]);
}

/**
 * Fills a person's empty merge fields with the draft's fallbacks, for the fields the text uses; `fields` limits it to
 * the fields the wizard holds for that person.
 */
export function fallbackFiller(draft: BroadcastDraft) {
  return <Person extends Partial<PersonInput>>(person: Person, fields: readonly MergeField[] = mergeFields): Person => {
    const fallbacks = activeFallbacks(draft, fields);
    if (fallbacks.length === 0) return person;
    const filled: Partial<PersonInput> = { ...person };
    for (const [field, fallback] of fallbacks) if (!filled[field]?.trim()) filled[field] = fallback;
    return filled as Person;
  };
}

/** Whether a kept file has people the fallbacks change: then it is uploaded again with them written in. */
export function fileNeedsFallbacks(draft: BroadcastDraft, file: BroadcastDraft['recipients']['files'][number]): boolean {
  const fallbacks = activeFallbacks(draft);
  return fallbacks.length > 0 && peopleOfCsv(file.csv ?? '').some((person) => fallbacks.some(([field]) => !person[field].trim()));
}
