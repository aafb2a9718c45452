import type { Page } from '@playwright/test';
import { contactSchema, type Contact, type ContactInput } from '../src/contract/contact.ts';
import { feedSchema } from '../src/contract/feed.ts';

/** Test data made through our own API, as the signed-in user of `page` (its session cookie, the CSRF header). */
export async function createContact(page: Page, input: ContactInput): Promise<Contact> {
  const response = await page.request.post('/api/v1/contacts', { data: input, headers: { 'x-requested-with': 'callboard' } });
  if (!response.ok()) throw new Error(`Creating a contact failed: ${response.status()} ${await response.text()}`);
  return contactSchema.parse(await response.json());
}

export async function findContacts(page: Page, query: string): Promise<Contact[]> {
  const response = await page.request.get(`/api/v1/contacts?${query}`);
  if (!response.ok()) throw new Error(`Reading contacts failed: ${response.status()}`);
  return feedSchema(contactSchema).parse(await response.json()).Items;
}
