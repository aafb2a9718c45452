import type { QueryClient } from '@tanstack/react-query';
import { feedParamsOf } from '@/api/list-params.ts';
import { listQueries } from '@/api/resources/lists/list-queries.ts';
import { prefetchWhenSignedIn } from '@/api/resources/session/session-queries.ts';
import { readListState } from '@/hooks/use-list-search-params.ts';

/** Asks for the page of lists a lists-page URL shows, without waiting for it. */
export function prefetchListList(queryClient: QueryClient, url: string): void {
  prefetchWhenSignedIn(queryClient, listQueries.list(feedParamsOf(readListState(new URL(url).searchParams))));
}
