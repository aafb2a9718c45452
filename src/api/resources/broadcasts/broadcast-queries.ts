import { queryOptions } from '@tanstack/react-query';
import type { ListParams } from '../../list-params.ts';
import { countBroadcastDetails, getBroadcast, listBroadcastDetails, listBroadcasts } from './broadcast-requests.ts';

/**
 * Broadcasts and, under each one's key, its per-number results: invalidating a broadcast refreshes its results too.
 * (The API calls the per-number results "details"; here they are `results` so they are not confused with `detail`.)
 */
export const broadcastQueries = {
  all: () => ['broadcasts'] as const,
  lists: () => [...broadcastQueries.all(), 'list'] as const,
  list: (params: ListParams) =>
    queryOptions({
      queryKey: [...broadcastQueries.lists(), params],
      queryFn: ({ signal }) => listBroadcasts(params, signal),
    }),
  details: () => [...broadcastQueries.all(), 'detail'] as const,
  detail: (broadcastId: number) =>
    queryOptions({
      queryKey: [...broadcastQueries.details(), broadcastId],
      queryFn: ({ signal }) => getBroadcast(broadcastId, signal),
    }),
  results: (broadcastId: number, params: ListParams) =>
    queryOptions({
      queryKey: [...broadcastQueries.detail(broadcastId).queryKey, 'results', params],
      queryFn: ({ signal }) => listBroadcastDetails(broadcastId, params, signal),
    }),
  /** How many numbers match each query, in order (e.g. "completed by 10:15", "by 10:30", ...). */
  resultCounts: (broadcastId: number, queries: readonly ListParams[]) =>
    queryOptions({
      queryKey: [...broadcastQueries.detail(broadcastId).queryKey, 'result-counts', queries],
      queryFn: ({ signal }) => Promise.all(queries.map((query) => countBroadcastDetails(broadcastId, query, signal))),
    }),
};
