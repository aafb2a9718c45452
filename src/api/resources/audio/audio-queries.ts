import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListParams } from '../../list-params.ts';
import { getAudio, listAudio } from './audio-requests.ts';

export const audioQueries = {
  all: () => ['audio'] as const,
  lists: () => [...audioQueries.all(), 'list'] as const,
  list: (params: ListParams) =>
    queryOptions({
      queryKey: [...audioQueries.lists(), params],
      queryFn: ({ signal }) => listAudio(params, signal),
      placeholderData: keepPreviousData,
    }),
  details: () => [...audioQueries.all(), 'detail'] as const,
  detail: (audioId: string) =>
    queryOptions({
      queryKey: [...audioQueries.details(), audioId],
      queryFn: ({ signal }) => getAudio(audioId, signal),
    }),
};
