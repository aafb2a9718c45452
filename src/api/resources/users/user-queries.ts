import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListParams } from '../../list-params.ts';
import { getUser, listUsers } from './user-requests.ts';

export const userQueries = {
  all: () => ['users'] as const,
  lists: () => [...userQueries.all(), 'list'] as const,
  list: (params: ListParams) =>
    queryOptions({
      queryKey: [...userQueries.lists(), params],
      queryFn: ({ signal }) => listUsers(params, signal),
      placeholderData: keepPreviousData,
    }),
  details: () => [...userQueries.all(), 'detail'] as const,
  detail: (userId: number) =>
    queryOptions({
      queryKey: [...userQueries.details(), userId],
      queryFn: ({ signal }) => getUser(userId, signal),
    }),
};
