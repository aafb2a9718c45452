import type { QueryClient } from '@tanstack/react-query';
import type { Filter, ListParams } from '@/api/list-params.ts';
import { optOutQueries } from '@/api/resources/opt-outs/opt-out-queries.ts';
import { prefetchWhenSignedIn } from '@/api/resources/session/session-queries.ts';
import { readListState, type ListState, type ListStateOptions } from '@/hooks/use-list-search-params.ts';

export type OptOutListFilter = 'from' | 'channel';

/** The opt-outs page's list state: newest first, with a start day and a channel in the URL. */
export const OPT_OUT_LIST_STATE: ListStateOptions<OptOutListFilter> = {
  filters: ['from', 'channel'],
  defaultSort: { field: 'OptOutDate', desc: true },
};

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The start day the URL names, when it names a whole one. */
export const optOutDateFrom = (list: ListState<OptOutListFilter>) => (isDate(list.filters.from) ? list.filters.from : '');

/** What the list asks for, page aside: the page and the CSV export share it. */
export function optOutFilterParams(list: ListState<OptOutListFilter>): Omit<ListParams, 'page' | 'pageSize'> {
  const filters: Filter[] = [];
  if (list.filters.channel === 'call') filters.push({ field: 'DoNotCall', op: 'eq', value: true });
  if (list.filters.channel === 'text') filters.push({ field: 'DoNotText', op: 'eq', value: true });
  return {
    filters,
    search: list.search,
    sort: list.sort ? [list.sort] : undefined,
    extra: { 'date-from': optOutDateFrom(list) || undefined },
  };
}

/** Asks for the page of opt-outs an opt-outs-page URL shows, without waiting for it. */
export function prefetchOptOutList(queryClient: QueryClient, url: string): void {
  const list = readListState(new URL(url).searchParams, OPT_OUT_LIST_STATE);
  prefetchWhenSignedIn(queryClient, optOutQueries.list({ ...optOutFilterParams(list), page: list.page, pageSize: list.pageSize }));
}
