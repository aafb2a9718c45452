import { importFieldLabels } from './contact-import.ts';

/**
 * Merge fields in a text message (REFERENCE.md §6: `{{FirstName}}`), filled in from each recipient's contact. One
 * reading for the sandbox, which sends the texts, and the wizard, which previews them.
 */
export const mergeFields = ['FirstName', 'LastName', 'Notes', 'IntegrationData'] as const;
export type MergeField = (typeof mergeFields)[number];
export type MergeValues = Record<MergeField, string>;

/** Named as the contact fields they come from. */
export const mergeFieldLabels = Object.fromEntries(mergeFields.map((field) => [field, importFieldLabels[field]])) as Record<MergeField, string>;

const MERGE_FIELD = /\{\{\s*(\w+)\s*\}\}/g;

export const isMergeField = (name: string): name is MergeField => (mergeFields as readonly string[]).includes(name);

/** Every name written as `{{Name}}` in the text, each once, in the order first written (unknown names too). */
export function mergeFieldNames(text: string): string[] {
  return [...new Set([...text.matchAll(MERGE_FIELD)].map((match) => match[1]!))];
}

/** The known merge fields a text uses, in the order first written. */
export const usedMergeFields = (text: string): MergeField[] => mergeFieldNames(text).filter(isMergeField);

export const hasMergeFields = (text: string) => mergeFieldNames(text).length > 0;

/** The text one recipient gets: each known merge field replaced by their value (an unknown one is left as written). */
export function personalise(template: string, values: MergeValues): string {
  return template.replace(MERGE_FIELD, (written, name: string) => (isMergeField(name) ? values[name] : written));
}
