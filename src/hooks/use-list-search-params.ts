import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface ListSort {
  field: string;
  desc: boolean;
}

export interface ListState<Filter extends string> {
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
  sort: ListSort | null;
  search: string;
  filters: Record<Filter, string>;
}

export interface ListStateOptions<Filter extends string> {
  defaultPageSize?: number;
  defaultSort?: ListSort | null;
  /** Filter names read from (and written to) the URL, e.g. ['status', 'from']. */
  filters?: readonly Filter[];
}

const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;

/** The list state a URL's query holds; the hook reads it the same way, and a route's loader can read it before the page. */
export function readListState<Filter extends string = never>(searchParams: URLSearchParams, options: ListStateOptions<Filter> = {}): ListState<Filter> {
  const { defaultPageSize = DEFAULT_PAGE_SIZE, defaultSort = null, filters: filterNames = [] } = options;
  const page = Number(searchParams.get('page'));
  const size = Number(searchParams.get('size'));
  const sortParam = searchParams.get('sort');
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : defaultPageSize,
    sort: sortParam ? { field: sortParam.replace(/^-/, ''), desc: sortParam.startsWith('-') } : defaultSort,
    search: searchParams.get('q') ?? '',
    filters: Object.fromEntries(filterNames.map((name) => [name, searchParams.get(name) ?? ''])) as Record<Filter, string>,
  };
}

/**
 * A list's page, page size, sort, search and filters live in the URL (`?page=2&size=50&sort=-LastUpdated&q=…`),
 * so a link reproduces the view and Back goes to the previous one. Anything that changes the result set
 * returns to page 1.
 */
export function useListSearchParams<Filter extends string = never>(options: ListStateOptions<Filter> = {}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const { defaultPageSize = DEFAULT_PAGE_SIZE } = options;
  const state = readListState(searchParams, options);

  // The last change asked for, while the URL has not reached it yet (a route's loader runs first).
  const pending = useRef<{ from: string; to: string } | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [searchParams]);

  const update = useCallback(
    (changes: Record<string, string | number | null>, { resetPage = true, replace = false } = {}) => {
      setSearchParams(
        (current) => {
          // A change made while the previous one is still on its way builds on it, not on the URL being left: a tab
          // picked and a search cleared at once both hold.
          const base = pending.current?.from === current.toString() ? pending.current.to : current;
          const next = new URLSearchParams(base);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (resetPage && !('page' in changes)) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          pending.current = { from: current.toString(), to: next.toString() };
          return next;
        },
        { replace },
      );
    },
    [setSearchParams],
  );

  return {
    ...state,
    pageSizeOptions: PAGE_SIZES,
    setPage: (page: number) => update({ page }, { resetPage: false }),
    setPageSize: (pageSize: number) => update({ size: pageSize === defaultPageSize ? null : pageSize }),
    setSort: (sort: ListSort | null) => update({ sort: sort ? `${sort.desc ? '-' : ''}${sort.field}` : null }),
    /** Typing replaces the history entry instead of adding one per keystroke. */
    setSearch: (search: string) => update({ q: search }, { replace: true }),
    setFilter: (name: Filter, value: string | null) => update({ [name]: value }),
    setFilters: (values: Partial<Record<Filter, string | null>>) => update(values as Record<string, string | null>),
  };
}
export type ListSearchParams<Filter extends string = never> = ReturnType<typeof useListSearchParams<Filter>>;
