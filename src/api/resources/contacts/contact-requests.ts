import { API_BASE, apiCreate, apiRequest, type CreatedUnread } from '../../api-client.ts';
import { walkFeed } from '../../feed-pages.ts';
import { buildListQuery, type ListParams } from '../../list-params.ts';
import { contactImportResultSchema, type ContactImportInput, type ContactImportResult } from '@contract/contact-import.ts';
import {
  contactBatchResultSchema,
  contactIdOf,
  contactSchema,
  type Contact,
  type ContactBatchResult,
  type ContactInput,
  type ContactUpdateInput,
} from '@contract/contact.ts';
import { feedSchema, type Feed } from '@contract/feed.ts';
import { listPathKey } from '@contract/list.ts';

export const contactFeedSchema = feedSchema(contactSchema);

/**
 * Which contacts a bulk change covers (docs/decisions/0013-bulk-contact-bodies.md): the ones named, or every one
 * matching a search (no body).
 */
export type ContactSelection = { personIds: readonly number[] } | { matching: { search?: string } };

/** The body and query of a bulk request for a selection. */
export function selectionRequest(selection: ContactSelection): { body: unknown; query: ListParams } {
  return 'personIds' in selection
    ? { body: selection.personIds.map((PersonID) => ({ PersonID })), query: {} }
    : { body: undefined, query: { search: selection.matching.search } };
}

export interface ContactListParams extends ListParams {
  /** A list's members, the unfiled contacts or the Deleted folder instead of every active contact. */
  listId?: number | 'unfiled' | 'deleted';
}

/** All contacts, or a list's (a system list by its name, as the API's routes have it). */
const contactsPath = (listId: ContactListParams['listId']) => (listId === undefined ? '/v1/contacts' : `/v1/lists/${listPathKey(listId)}/contacts`);

export function listContacts({ listId, ...params }: ContactListParams, signal?: AbortSignal): Promise<Feed<Contact>> {
  const base = contactsPath(listId);
  return apiRequest(`${base}${buildListQuery(params)}`, { schema: contactFeedSchema, signal });
}

/** The IDs of every contact a feed matches, page by page (for actions whose route needs them named). */
export async function collectContactIds({ listId, ...params }: ContactListParams, signal?: AbortSignal): Promise<number[]> {
  const base = contactsPath(listId);
  const ids: number[] = [];
  for await (const page of walkFeed(`${base}${buildListQuery({ ...params, pageSize: 1000 })}`, contactSchema, { signal })) {
    // A contact the API names only by its Uri still counts; one it names not at all cannot be acted on.
    ids.push(...page.items.flatMap((contact) => contactIdOf(contact) ?? []));
  }
  return ids;
}

/** Every contact a feed matches, page by page, with the count so far (for exports). */
export function walkContacts({ listId, ...params }: Omit<ContactListParams, 'page'>, signal?: AbortSignal) {
  const base = contactsPath(listId);
  return walkFeed(`${base}${buildListQuery({ ...params, pageSize: 1000 })}`, contactSchema, { signal });
}

export function getContact(personId: number, signal?: AbortSignal): Promise<Contact> {
  return apiRequest(`/v1/contacts/${personId}`, { schema: contactSchema, signal });
}

export function createContact(input: ContactInput): Promise<Contact | CreatedUnread> {
  return apiCreate('/v1/contacts', { body: input, schema: contactSchema });
}

export function updateContact(personId: number, input: ContactUpdateInput): Promise<Contact> {
  return apiRequest(`/v1/contacts/${personId}`, { method: 'PUT', body: input, schema: contactSchema });
}

/** Moves contacts to the Deleted folder (decision 0012); the reply's PersonIDs undo it. */
export function deleteContacts(selection: ContactSelection): Promise<ContactBatchResult> {
  const { body, query } = selectionRequest(selection);
  const search = buildListQuery({ ...query, extra: { MoveToDeleted: 'true' } });
  return apiRequest(`/v1/contacts${search}`, { method: 'DELETE', body, schema: contactBatchResultSchema });
}

/** Dry-runs or applies an uploaded file (docs/decisions/0018-contact-import.md). */
export function importContacts(input: ContactImportInput): Promise<ContactImportResult> {
  return apiRequest('/v1/contacts/import', { method: 'POST', body: input, schema: contactImportResultSchema });
}

/**
 * Where the browser downloads every rejected row of an uploaded file as CSV (decision 0073); the import's answer
 * lists the first ones only. `firstRowNumber` 0 numbers the rows of a file whose header line the page added.
 */
export function importProblemsUrl(fileId: string, firstRowNumber: 0 | 1 = 1): string {
  const query = firstRowNumber === 1 ? '' : `?FirstRowNumber=${firstRowNumber}`;
  return `${API_BASE}/v1/contacts/import/${encodeURIComponent(fileId)}/problems${query}`;
}
