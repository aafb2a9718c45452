import { queryOptions } from '@tanstack/react-query';
import type { ListParams } from '../../list-params.ts';
import { listOptOutHistory, listOptOuts } from './opt-out-requests.ts';

export const optOutQueries = {
  all: () => ['opt-outs'] as const,
  lists: () => [...optOutQueries.all(), 'list'] as const,
  list: (params: ListParams) =>
    queryOptions({
      queryKey: [...optOutQueries.lists(), params],
      queryFn: ({ signal }) => listOptOuts(params, signal),
    }),
  /** A number's opt-outs and opt-ins, newest first. */
  history: (phoneNumber: string) =>
    queryOptions({
      queryKey: [...optOutQueries.all(), 'history', phoneNumber],
      queryFn: ({ signal }) => listOptOutHistory(phoneNumber, { pageSize: 100 }, signal),
    }),
};
