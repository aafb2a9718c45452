import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListParams } from '../../list-params.ts';
import { getList, listLists, type ListKey } from './list-requests.ts';

export const listQueries = {
  all: () => ['lists'] as const,
  lists: () => [...listQueries.all(), 'list'] as const,
  list: (params: ListParams) =>
    queryOptions({
      queryKey: [...listQueries.lists(), params],
      queryFn: ({ signal }) => listLists(params, signal),
      placeholderData: keepPreviousData,
    }),
  details: () => [...listQueries.all(), 'detail'] as const,
  detail: (listId: ListKey) =>
    queryOptions({
      queryKey: [...listQueries.details(), listId],
      queryFn: ({ signal }) => getList(listId, signal),
    }),
};
