import { queryOptions } from '@tanstack/react-query';
import { getServerConfig, getSession } from './session-requests.ts';

export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'current'],
      queryFn: ({ signal }) => getSession(signal),
      // The session changes only through login, logout and 401s, which update this entry themselves.
      staleTime: 5 * 60_000,
    }),
  serverConfig: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'server-config'],
      queryFn: ({ signal }) => getServerConfig(signal),
      staleTime: Infinity,
    }),
};
