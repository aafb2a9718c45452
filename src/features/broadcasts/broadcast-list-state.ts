import type { QueryClient } from '@tanstack/react-query';
import { prefetchWhenSignedIn } from '@/api/resources/session/session-queries.ts';
import type { Filter, ListParams } from '@/api/list-params.ts';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import { readListState, type ListState, type ListStateOptions } from '@/hooks/use-list-search-params.ts';
import { broadcastListFilters, type BroadcastListFilter } from './broadcast-display.ts';

/** The broadcasts home's list state: its filters live in the URL beside page, sort and search. */
export const BROADCAST_LIST_STATE: ListStateOptions<BroadcastListFilter> = { filters: broadcastListFilters };

/** The Feed request for what the home's filters, search, sort and page say. */
export function broadcastListParams(list: ListState<BroadcastListFilter>): ListParams {
  const filters: Filter[] = [];
  if (list.filters.category) filters.push({ field: 'BroadcastStatusCategory', op: 'eq', value: list.filters.category });
  if (list.filters.type) filters.push({ field: 'BroadcastType', op: 'eq', value: list.filters.type });
  if (list.filters.from) filters.push({ field: 'StartDate', op: 'gte', value: list.filters.from });
  if (list.filters.to) filters.push({ field: 'StartDate', op: 'lte', value: list.filters.to });
  return {
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort ? [list.sort] : undefined,
    search: list.search,
    filters,
  };
}

/** Asks for the page of broadcasts a home-page URL shows, without waiting for it. */
export function prefetchBroadcastList(queryClient: QueryClient, url: string): void {
  const list = readListState(new URL(url).searchParams, BROADCAST_LIST_STATE);
  prefetchWhenSignedIn(queryClient, broadcastQueries.list(broadcastListParams(list)));
}
