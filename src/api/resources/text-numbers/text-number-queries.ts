import { queryOptions } from '@tanstack/react-query';
import type { ListParams } from '../../list-params.ts';
import { getTextNumber, listTextNumbers } from './text-number-requests.ts';

/** An account has a handful of text numbers, and they rarely change. */
const TEXT_NUMBERS_STALE_MS = 10 * 60_000;

export const textNumberQueries = {
  all: () => ['text-numbers'] as const,
  lists: () => [...textNumberQueries.all(), 'list'] as const,
  list: (params: ListParams = { pageSize: 100 }) =>
    queryOptions({
      queryKey: [...textNumberQueries.lists(), params],
      queryFn: ({ signal }) => listTextNumbers(params, signal),
      staleTime: TEXT_NUMBERS_STALE_MS,
    }),
  detail: (textNumberId: number) =>
    queryOptions({
      queryKey: [...textNumberQueries.all(), 'detail', textNumberId],
      queryFn: ({ signal }) => getTextNumber(textNumberId, signal),
      staleTime: TEXT_NUMBERS_STALE_MS,
    }),
};
