import { apiCreate, apiRequest, type CreatedUnread } from '../../api-client.ts';
import { buildListQuery, type ListParams } from '../../list-params.ts';
import { contactBatchResultSchema, type ContactBatchResult } from '@contract/contact.ts';
import { feedSchema, type Feed } from '@contract/feed.ts';
import { contactListSchema, listDeleteResultSchema, type ContactList, type ListDeleteResult, type ListInput, type ListUpdateInput } from '@contract/list.ts';
import { selectionRequest, type ContactSelection } from '../contacts/contact-requests.ts';

export const listFeedSchema = feedSchema(contactListSchema);

/** A list by ID, or a system list by name (`everyone`, `unfiled`, `deleted`). */
export type ListKey = number | 'everyone' | 'unfiled' | 'deleted';

export function listLists(params: ListParams, signal?: AbortSignal): Promise<Feed<ContactList>> {
  return apiRequest(`/v1/lists${buildListQuery(params)}`, { schema: listFeedSchema, signal });
}

export function getList(listId: ListKey, signal?: AbortSignal): Promise<ContactList> {
  return apiRequest(`/v1/lists/${listId}`, { schema: contactListSchema, signal });
}

export function createList(input: ListInput): Promise<ContactList | CreatedUnread> {
  return apiCreate('/v1/lists', { body: input, schema: contactListSchema });
}

export function updateList(listId: number, input: ListUpdateInput): Promise<ContactList> {
  return apiRequest(`/v1/lists/${listId}`, { method: 'PUT', body: input, schema: contactListSchema });
}

export function deleteList(listId: number): Promise<ListDeleteResult> {
  return apiRequest(`/v1/lists/${listId}`, { method: 'DELETE', schema: listDeleteResultSchema });
}

export function addListMembers(listId: number, personIds: readonly number[]): Promise<ContactBatchResult> {
  return apiRequest(`/v1/lists/${listId}/contacts`, {
    method: 'POST',
    body: personIds.map((PersonID) => ({ PersonID })),
    schema: contactBatchResultSchema,
  });
}

/** Takes contacts out of a user list, or, from `deleted`, deletes them for good (decision 0012). */
export function removeListMembers(listId: number | 'deleted', selection: ContactSelection): Promise<ContactBatchResult> {
  const { body, query } = selectionRequest(selection);
  return apiRequest(`/v1/lists/${listId}/contacts${buildListQuery(query)}`, { method: 'DELETE', body, schema: contactBatchResultSchema });
}

/** Brings contacts back from the Deleted folder into their lists. */
export function restoreContacts(personIds: readonly number[]): Promise<ContactBatchResult> {
  return apiRequest('/v1/lists/everyone/contacts', {
    method: 'POST',
    body: personIds.map((PersonID) => ({ PersonID })),
    schema: contactBatchResultSchema,
  });
}
