import { csvDocument, csvLines } from '@contract/csv.ts';
import type { Contact } from '@contract/contact.ts';
import { walkContacts, type ContactListParams } from './contact-requests.ts';

const HEADER = ['First name', 'Last name', 'Primary phone', 'Secondary phone', 'Tertiary phone', 'Notes', 'Integration data', 'Lists', 'Last updated'] as const;

/** One contact as a CSV row: the columns the import reads back, then its lists and last change. */
function contactRow(contact: Contact) {
  return [
    contact.FirstName,
    contact.LastName,
    contact.PrimaryPhone,
    contact.SecondaryPhone,
    contact.TertiaryPhone,
    contact.Notes,
    contact.IntegrationData,
    (contact.Lists ?? []).map((list) => list.ListName).join('; '),
    contact.LastUpdated,
  ];
}

/**
 * Every contact a feed matches (a list's members, a search) as one CSV file, written by the product's one CSV writer,
 * formulas neutralized (decision 0124); the pages are asked for a thousand at a time and reported as they arrive.
 */
export async function contactsCsv(
  params: Omit<ContactListParams, 'page' | 'pageSize'>,
  onProgress: (received: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ csv: string; count: number }> {
  let csv = csvDocument(HEADER, []);
  let count = 0;
  for await (const page of walkContacts(params, signal)) {
    csv += csvLines(page.items.map(contactRow));
    count = page.received;
    onProgress(page.received, page.total);
  }
  return { csv, count };
}
