import { splitFullName } from '@contract/column-mapping.ts';
import type { MergeField, MergeValues } from '@contract/merge-fields.ts';
import { parsePastedNumbers, type BroadcastDraft } from './broadcast-draft.ts';
import { mergeFieldsOf, noFallbacks } from './merge-fallbacks.ts';
import { peopleOfCsv } from './recipient-file.ts';

/** Who lacks a value for the merge fields the text uses (decision 0152). */

/** A recipient whose values the wizard holds; a field it does not hold comes from their contact record. */
export interface KnownRecipient {
  phone: string;
  values: Partial<MergeValues>;
}

/**
 * The recipients the wizard knows the merge values of, source by source: carried people, picked contacts' names, the
 * people of files it kept and typed numbers (which have none).
 */
function* knownOf(recipients: BroadcastDraft['recipients']): Generator<KnownRecipient> {
  for (const person of recipients.carried?.people ?? []) yield { phone: person.PrimaryPhone, values: person };
  for (const contact of recipients.contacts) yield { phone: contact.phone, values: splitFullName(contact.name) };
  for (const file of recipients.files) {
    for (const person of file.csv ? peopleOfCsv(file.csv) : []) yield { phone: person.PrimaryPhone, values: person };
  }
  for (const phone of parsePastedNumbers(recipients.pasted).valid) yield { phone, values: noFallbacks };
}

/** The first `limit` recipients the wizard knows the merge values of. */
export function knownRecipients(recipients: BroadcastDraft['recipients'], limit: number): KnownRecipient[] {
  const known: KnownRecipient[] = [];
  for (const recipient of knownOf(recipients)) {
    if (known.length === limit) break;
    known.push(recipient);
  }
  return known;
}

export interface MergeFieldGap {
  field: MergeField;
  /** Known recipients without a value. */
  missing: number;
  /** Known recipients whose value the wizard holds. */
  checked: number;
}

/**
 * For each merge field the text uses: how many of the recipients the wizard knows have no value for it; and how many
 * it cannot check (people on lists, files whose people were not kept), who get their contact's own values.
 */
export function mergeFieldGaps(draft: BroadcastDraft): { gaps: MergeFieldGap[]; unchecked: number } {
  const fields = mergeFieldsOf(draft);
  if (fields.length === 0) return { gaps: [], unchecked: 0 };
  const gaps = fields.map((field) => ({ field, checked: 0, missing: 0 }));
  for (const { values } of knownOf(draft.recipients)) {
    for (const gap of gaps) {
      const value = values[gap.field];
      if (value === undefined || value === null) continue;
      gap.checked += 1;
      if (!value.trim()) gap.missing += 1;
    }
  }
  const { lists, files } = draft.recipients;
  const unchecked = lists.reduce((sum, list) => sum + list.count, 0) + files.reduce((sum, file) => sum + (file.csv ? 0 : file.rows), 0);
  return { gaps, unchecked };
}
