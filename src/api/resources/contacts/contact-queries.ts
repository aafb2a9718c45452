import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getContact, listContacts, type ContactListParams } from './contact-requests.ts';

export const contactQueries = {
  all: () => ['contacts'] as const,
  lists: () => [...contactQueries.all(), 'list'] as const,
  /** Every contact feed (all contacts, a list's members, the Deleted folder) shares this prefix. */
  list: (params: ContactListParams) =>
    queryOptions({
      queryKey: [...contactQueries.lists(), params],
      queryFn: ({ signal }) => listContacts(params, signal),
      // Paging and typing keep the previous page on screen instead of flashing empty.
      placeholderData: keepPreviousData,
    }),
  details: () => [...contactQueries.all(), 'detail'] as const,
  detail: (personId: number) =>
    queryOptions({
      queryKey: [...contactQueries.details(), personId],
      queryFn: ({ signal }) => getContact(personId, signal),
    }),
};
