import { queryOptions } from '@tanstack/react-query';
import { getSandboxClock } from './sandbox-requests.ts';

export const sandboxQueries = {
  all: () => ['sandbox'] as const,
  clock: () =>
    queryOptions({
      queryKey: [...sandboxQueries.all(), 'clock'],
      queryFn: ({ signal }) => getSandboxClock(signal),
      // Read when the menu opens; the clock runs on its own in between.
      staleTime: 0,
    }),
};
