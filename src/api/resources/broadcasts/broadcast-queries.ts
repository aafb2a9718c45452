import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListParams } from '../../list-params.ts';
import type { BroadcastCreateInput } from '@contract/broadcast.ts';
import { getBroadcast, getDraftBroadcast, listBroadcastDetails, listBroadcasts, previewBroadcast } from './broadcast-requests.ts';

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
  /** What a would-be broadcast reaches and costs; kept while the wizard's inputs change (keepPreviousData). */
  preview: (input: BroadcastCreateInput) =>
    queryOptions({
      queryKey: [...broadcastQueries.all(), 'preview', input],
      queryFn: ({ signal }) => previewBroadcast(input, signal),
      placeholderData: keepPreviousData,
      // A preview answers "who can be reached": a 400 (nobody reachable, a list gone) is an answer, not a failure.
      retry: false,
      staleTime: 10_000,
    }),
  draft: (draftId: number) =>
    queryOptions({
      queryKey: [...broadcastQueries.all(), 'draft', draftId],
      queryFn: ({ signal }) => getDraftBroadcast(draftId, signal),
      staleTime: Infinity,
    }),
};
