import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListParams } from '../../list-params.ts';
import { getUser, listUsers } from './users-requests.ts';

export const usersQueries = {
  all: () => ['users'] as const,
  lists: () => [...usersQueries.all(), 'list'] as const,
  list: (params: ListParams) =>
    queryOptions({
      queryKey: [...usersQueries.lists(), params],
      queryFn: ({ signal }) => listUsers(params, signal),
      placeholderData: keepPreviousData,
    }),
  details: () => [...usersQueries.all(), 'detail'] as const,
  detail: (userId: number) =>
    queryOptions({
      queryKey: [...usersQueries.details(), userId],
      queryFn: ({ signal }) => getUser(userId, signal),
    }),
};
