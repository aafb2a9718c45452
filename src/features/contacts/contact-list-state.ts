import type { QueryClient } from '@tanstack/react-query';
import { prefetchWhenSignedIn } from '@/api/resources/session/session-queries.ts';
import { feedParamsOf } from '@/api/list-params.ts';
import { contactQueries } from '@/api/resources/contacts/contact-queries.ts';
import { readListState, type ListStateOptions } from '@/hooks/use-list-search-params.ts';

/** The contacts page's list state: most recently changed first. */
export const CONTACT_LIST_STATE: ListStateOptions<never> = { defaultSort: { field: 'LastUpdated', desc: true } };

/** Asks for the page of contacts a contacts-page URL shows, without waiting for it. */
export function prefetchContactList(queryClient: QueryClient, url: string): void {
  const list = readListState(new URL(url).searchParams, CONTACT_LIST_STATE);
  prefetchWhenSignedIn(queryClient, contactQueries.list(feedParamsOf(list)));
}
