import { queryOptions } from '@tanstack/react-query';
import { getAccount } from './account-requests.ts';

export const accountQueries = {
  all: () => ['account'] as const,
  detail: () =>
    queryOptions({
      queryKey: [...accountQueries.all(), 'detail'],
      queryFn: ({ signal }) => getAccount(signal),
    }),
};
