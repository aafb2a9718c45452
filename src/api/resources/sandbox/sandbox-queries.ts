import { queryOptions } from '@tanstack/react-query';
import { getSandboxClock, getWaitingRecordings } from './sandbox-requests.ts';

export const sandboxQueries = {
  all: () => ['sandbox'] as const,
  clock: () =>
    queryOptions({
      queryKey: [...sandboxQueries.all(), 'clock'],
      queryFn: ({ signal }) => getSandboxClock(signal),
      // Read when the menu opens; the clock runs on its own in between.
      staleTime: 0,
    }),
  recordings: () =>
    queryOptions({
      queryKey: [...sandboxQueries.all(), 'recordings'],
      queryFn: ({ signal }) => getWaitingRecordings(signal),
      staleTime: 0,
    }),
};
