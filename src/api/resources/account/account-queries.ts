import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getAccount, getAccountUsage, type UsageRange } from './account-requests.ts';

export const accountQueries = {
  all: () => ['account'] as const,
  detail: () =>
    queryOptions({
      queryKey: [...accountQueries.all(), 'detail'],
      queryFn: ({ signal }) => getAccount(signal),
    }),
  usage: (range: UsageRange) =>
    queryOptions({
      queryKey: [...accountQueries.all(), 'usage', range],
      queryFn: ({ signal }) => getAccountUsage(range, signal),
      placeholderData: keepPreviousData,
    }),
};
